"""Shared test base: every test gets a fresh in-memory store."""

import unittest


class StoreTestCase(unittest.TestCase):
    def setUp(self):
        self.store = {}
        self.audit = []
        self.addCleanup(self.audit.clear)

    def tearDown(self):
        self.store.clear()
