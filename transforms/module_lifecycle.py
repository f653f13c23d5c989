"""``setUpModule``/``tearDownModule`` -> a module-scoped autouse yield fixture.

What it does: replaces the two functions by
``@pytest.fixture(scope="module", autouse=True) def _module_setup():`` with the setUpModule
body, ``yield``, the tearDownModule body. ``global`` statements are kept; a ``global`` of
tearDownModule is hoisted to the top so the merged function stays valid Python.
``unittest.addModuleCleanup`` becomes an ``ExitStack`` callback.
Why: pytest runs a module-scoped fixture once per module and per xdist worker, exactly
where it ran setUpModule; tearDownModule ran only when setUpModule succeeded, as code after
``yield`` does.
Example::

    def setUpModule():                  @pytest.fixture(scope="module", autouse=True)
        global DB                       def _module_setup():
        DB = connect()          ->          global DB
    def tearDownModule():                   DB = connect()
        DB.close()                          yield
                                            DB.close()

Refuses when: the functions are decorated, async, referenced elsewhere (MF110), take
parameters, or module cleanups are registered outside them (MF112).
"""

from __future__ import annotations

import libcst as cst

from transforms.fixtures import build_fixture
from transforms.lifecycle import PlanTransform, find_pair, record


class ModuleLifecycle(PlanTransform):
    """setUpModule/tearDownModule of the planned module."""

    def on_visit(self, node: cst.CSTNode) -> bool:
        return False  # everything happens in leave_Module, on the top-level statements

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        plan = self.plan.module
        if plan is None:
            return updated_node
        setup, teardown = find_pair(updated_node.body, plan, "module")
        fixture = build_fixture(plan, setup, teardown, "")
        anchor = setup or teardown
        body = [
            fixture if s is anchor else s
            for s in updated_node.body
            if s is anchor or (s is not setup and s is not teardown)
        ]
        record(self.context, "<module>", plan)
        return updated_node.with_changes(body=body)
