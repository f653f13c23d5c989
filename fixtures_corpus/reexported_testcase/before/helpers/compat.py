import unittest
from unittest import TestCase as Case

__all__ = ["unittest", "Case"]
