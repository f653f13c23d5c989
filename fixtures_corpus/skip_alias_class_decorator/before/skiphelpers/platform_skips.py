import os
import unittest

# Module-level aliases of unittest's skip decorators, as suites keep them in a helper module.
skipAlways = unittest.skipIf(True, "always skipped")
skipIfNoNetwork = unittest.skipIf("NO_NETWORK_SKIP_ALIAS" in os.environ, "no network")
