"""Turn unittest's cleanup registrations into ``contextlib.ExitStack`` calls.

What it does: inside a converted setup/teardown, ``self.addCleanup(f, *a, **k)`` becomes
``cleanups.callback(f, *a, **k)`` and ``self.enterContext(cm)`` becomes
``cleanups.enter_context(cm)`` (likewise ``addClassCleanup``/``enterClassContext`` and
``unittest.addModuleCleanup``/``enterModuleContext``), where ``cleanups`` is an ``ExitStack``
that wraps the whole fixture body.
Why: unittest runs the teardown body first and then the cleanups, last in first out, and runs
the cleanups even when the setup raised after registering them. ``with ExitStack()`` around
``setup; yield; teardown`` gives exactly that order and that guarantee, with the same call
signature (``callback(func, /, *args, **kwds)``). Leaving ``self.addCleanup`` in a fixture
would instead run those cleanups inside unittest's ``run()``, before the fixture's teardown.
Example: ``self.addCleanup(shutil.rmtree, d)`` -> ``cleanups.callback(shutil.rmtree, d)``.
Refuses when: the plan refused (``MF111``) a registration stored as a value, made in a nested
function, or ``doCleanups``.
"""

from __future__ import annotations

from collections.abc import Mapping

import libcst as cst

from transforms.cstutil import SameScope, cst_dotted


class CleanupRewriter(SameScope, cst.CSTTransformer):
    """Rewrites registration calls in one function body (nested scopes are left alone)."""

    def __init__(self, api: Mapping[str, str], stack: str) -> None:
        super().__init__()
        self.api = api
        self.stack = stack

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        method = self.api.get(cst_dotted(updated_node.func) or "")
        if method is None:
            return updated_node
        func = cst.Attribute(value=cst.Name(self.stack), attr=cst.Name(method))
        return updated_node.with_changes(func=func)


def rewrite_cleanups(
    stmts: list[cst.BaseStatement], api: Mapping[str, str], stack: str
) -> list[cst.BaseStatement]:
    rewriter = CleanupRewriter(api, stack)
    return [s.visit(rewriter) for s in stmts]  # type: ignore[misc]
