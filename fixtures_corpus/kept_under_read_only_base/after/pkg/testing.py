"""Shared tests shipped inside the package: outside the run, never rewritten."""

EVENTS = []


class StoreTests:
    def tearDown(self):
        EVENTS.append("store teardown")

    def test_store(self):
        self.assertEqual(EVENTS[-1], "setup disk")
