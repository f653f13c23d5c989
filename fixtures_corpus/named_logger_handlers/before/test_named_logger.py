import logging
import unittest

logger = logging.getLogger("corpus.named")


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


class CapturesNamed(unittest.TestCase):
    def setUp(self):
        self.handler = Recorder()
        logger.addHandler(self.handler)
        logger.setLevel(logging.INFO)

    def tearDown(self):
        logger.removeHandler(self.handler)

    def test_logged(self):
        logger.info("hello")
        self.assertEqual(self.handler.messages, ["hello"])


class CapturesRoot(unittest.TestCase):
    def setUp(self):
        self.handler = Recorder()
        logging.root.addHandler(self.handler)
        self.before = list(logging.root.handlers)

    def tearDown(self):
        logging.root.removeHandler(self.handler)

    def test_handlers_seen(self):
        self.assertEqual(list(logging.root.handlers), self.before)
