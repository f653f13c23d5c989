"""``setUpClass``/``tearDownClass`` -> a class-scoped autouse yield fixture over ``classmethod``.

What it does: replaces the pair by ``@pytest.fixture(scope="class", autouse=True)`` stacked
on the original ``@classmethod``, body unchanged, so ``cls`` is still the concrete class.
Why: pytest binds a classmethod fixture to the class of the running test, so a subclass
that inherits the fixture runs it once more with ``cls`` = the subclass, as unittest runs an
inherited setUpClass once per class; and this form raises no deprecation warning.
Example::

    @classmethod                          @pytest.fixture(scope="class", autouse=True)
    def setUpClass(cls):          ->      @classmethod
        cls.db = connect()                def _db_tests_class_setup(cls):
                                              cls.db = connect()
                                              yield

Refuses when: see ``transforms.plan``; a setUpClass that is not exactly ``@classmethod``
(MF101), ``Base.setUpClass()`` calls (MF106: they run with ``cls=Base``).
"""

from __future__ import annotations

from transforms.lifecycle import ClassLifecycleTransform


class ClassLifecycle(ClassLifecycleTransform):
    """setUpClass/tearDownClass of each planned class."""

    LEVEL = "class"
