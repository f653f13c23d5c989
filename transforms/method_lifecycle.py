"""``setUp``/``tearDown`` -> one function-scoped autouse yield fixture per class.

What it does: replaces ``setUp`` and ``tearDown`` of a ``unittest.TestCase`` subclass by
``@pytest.fixture(autouse=True) def _<class>_setup(self[, _<parent>_setup])`` whose body is
the setUp body, ``yield``, the tearDown body.
Why: pytest runs autouse fixtures of TestCase subclasses with ``self`` bound to the test's
own instance, so attributes set in the fixture are seen by the test; and a generator fixture
runs its teardown only when its setup succeeded, which is unittest's rule for tearDown.
Example::

    class UserTests(BaseTests):              class UserTests(BaseTests):
        def setUp(self):                         @pytest.fixture(autouse=True)
            super().setUp()           ->         def _user_tests_setup(self, _base_tests_setup):
            self.user = make()                       self.user = make()
        def tearDown(self):                          yield
            self.user.delete()                       self.user.delete()
            super().tearDown()

Refuses when: see ``transforms.plan`` (MF101-MF118).
"""

from __future__ import annotations

from transforms.lifecycle import ClassLifecycleTransform


class MethodLifecycle(ClassLifecycleTransform):
    """setUp/tearDown of each planned class."""

    LEVEL = "function"
