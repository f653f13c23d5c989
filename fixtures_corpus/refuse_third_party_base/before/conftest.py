import os
import sys

# The stand-in for an installed django lives outside the project's own packages.
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "site_packages"))
