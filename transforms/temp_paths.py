"""Temporary directories and fixed temp paths of a setup move to pytest's ``tmp_path``.

What it does: in a converted setup, ``self.tmp = tempfile.mkdtemp()`` becomes
``self.tmp = str(tmp_path)`` (function scope, one directory) or
``str(tmp_path_factory.mktemp("tmp"))`` (class or module scope, or several directories);
``self.db = "/tmp/app.db"`` becomes ``str(tmp_path_factory.getbasetemp() / "app.db")`` (one
place per xdist worker, as /tmp was one place per process) when that literal is written
nowhere else in the run. ``shutil.rmtree(self.tmp)`` in the teardown and
``self.addCleanup(shutil.rmtree, self.tmp)`` are dropped when they remove exactly a directory
pytest now owns. The fixture requests ``tmp_path``/``tmp_path_factory``.
Why: under pytest-xdist every worker runs its own class and module setups at the same time;
``tmp_path`` is unique per test and per worker, so nothing can collide, and pytest keeps
the last runs' directories for inspection. Values stay ``str`` as before.
Example::

    def setUp(self):                          def _files_setup(self, tmp_path):
        self.tmp = tempfile.mkdtemp()     ->      self.tmp = str(tmp_path)
    def tearDown(self):                           yield
        shutil.rmtree(self.tmp)

Refuses when: never; a site it cannot prove local (``dir=``, a literal used elsewhere) is left
as it is and, if it is a fixed path, reported as hazard MF201.
"""

from __future__ import annotations

import ast

import libcst as cst

from transforms.cstutil import TransformMismatch, cst_dotted
from transforms.plan import LevelPlan

_EMPTY = cst.Module(body=[])


def _normal(node: cst.CSTNode, mode: str = "exec") -> str:
    """The node's code as ``ast.unparse`` writes it: how the plan recorded it."""
    return ast.unparse(ast.parse(_EMPTY.code_for_node(node).strip(), mode=mode))


def rewrite_temp(
    stmts: list[cst.BaseStatement], plan: LevelPlan, setup: bool
) -> list[cst.BaseStatement]:
    """Apply the plan's temporary-path rewrites (setup) and removal drops (both parts)."""
    if not plan.temp and not plan.drops and not plan.chdir:
        return stmts
    change, restore = plan.chdir or ("", "")
    pending = {target: (old, new) for target, old, new in plan.temp} if setup else {}
    out: list[cst.BaseStatement] = []
    for stmt in stmts:
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
            small = stmt.body[0]
            if isinstance(small, cst.Expr) and plan.drops and _normal(small) in plan.drops:
                continue
            if (
                isinstance(small, cst.Expr)
                and plan.chdir
                and _normal(small) == (change if setup else restore)
            ):
                if not setup:
                    continue  # monkeypatch restores the working directory
                call = small.value
                assert isinstance(call, cst.Call)
                func = cst.Attribute(value=cst.Name("monkeypatch"), attr=cst.Name("chdir"))
                stmt = stmt.with_changes(
                    body=[small.with_changes(value=call.with_changes(func=func))]
                )
            if isinstance(small, cst.Assign) and isinstance(small.targets[0].target, cst.Tuple):
                pair = small.targets[0].target
                target = cst_dotted(pair.elements[-1].value) if len(pair.elements) == 2 else None
                if target in pending and _normal(small) == pending[target][0]:
                    # mkstemp: one statement becomes two (the path, then the open fd)
                    new = list(cst.parse_module(pending.pop(target)[1]).body)
                    out.append(new[0].with_changes(leading_lines=stmt.leading_lines))
                    out.extend(new[1:])
                    continue
            if isinstance(small, cst.Assign) and len(small.targets) == 1:
                target = cst_dotted(small.targets[0].target)
                if target in pending and _normal(small.value, "eval") == pending[target][0]:
                    value = cst.parse_expression(pending.pop(target)[1])
                    stmt = stmt.with_changes(body=[small.with_changes(value=value)])
        out.append(stmt)
    if pending:
        raise TransformMismatch(f"temporary path assignment not found: {sorted(pending)}")
    return out
