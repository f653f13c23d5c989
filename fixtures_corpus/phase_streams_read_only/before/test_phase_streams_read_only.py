import io
import logging
import sys
import unittest
import wsgiref.handlers


class ReadsTheStreams(unittest.TestCase):
    # Reading sys.stdout/sys.stderr is the same in pytest's setup and call phases: converted.
    def setUp(self):
        self.out = sys.stdout
        print("setting up", file=sys.stderr)

        class Inner(unittest.TestCase):
            def test_noisy(self):
                print("inner", file=sys.stderr)

        self.inner = Inner

    def test_stream_is_usable(self):
        self.out.write("")
        self.assertTrue(hasattr(self.out, "write"))

    def test_inner_class_kept(self):
        self.assertTrue(issubclass(self.inner, unittest.TestCase))


class ReplacesStdout(unittest.TestCase):
    # Replacing a stream is per phase under pytest: refused (MF119).
    def setUp(self):
        self.saved = sys.stdout
        sys.stdout = io.StringIO()

    def tearDown(self):
        sys.stdout = self.saved

    def test_print_is_captured(self):
        print("hidden")
        self.assertEqual(sys.stdout.getvalue(), "hidden\n")


class UsesAModuleNamedHandlers(unittest.TestCase):
    # ``wsgiref.handlers`` is a module, not a logger's handler list: converted.
    def setUp(self):
        self.handler_class = wsgiref.handlers.BaseHandler

    def test_is_a_class(self):
        self.assertTrue(isinstance(self.handler_class, type))


class AddsALogHandler(unittest.TestCase):
    # A root logger handler is per phase under pytest: refused (MF119).
    def setUp(self):
        self.handler = logging.StreamHandler(io.StringIO())
        logging.getLogger().addHandler(self.handler)

    def tearDown(self):
        logging.getLogger().removeHandler(self.handler)

    def test_logs(self):
        logging.getLogger().warning("x")
        self.assertIn("x", self.handler.stream.getvalue())
