from django.test import SimpleTestCase


class DjangoStyle(SimpleTestCase):
    def setUp(self):
        self.client_ready = True

    def test_ready(self):
        self.assertTrue(self.client_ready)
