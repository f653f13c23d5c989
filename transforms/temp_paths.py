"""Temporary directories and fixed temp paths of a setup move to pytest's ``tmp_path``.

What it does: in a converted setup, ``self.tmp = tempfile.mkdtemp()`` becomes
``self.tmp = str(tmp_path)`` (function scope, one directory) or
``str(tmp_path_factory.mktemp("tmp"))`` (class or module scope, or several directories);
``self.db = "/tmp/app.db"`` becomes ``str(tmp_path_factory.getbasetemp() / "app.db")`` (one
place per xdist worker, as /tmp was one place per process) when that literal is written
nowhere else in the run. Every other ``mkstemp``/``NamedTemporaryFile``/``TemporaryDirectory``/
``mkdtemp`` call of the setup keeps its shape and gets ``dir=tmp_path`` (or
``dir=tmp_path_factory.mktemp(...)``): same object, random name and mode, in a pytest directory.
``shutil.rmtree(self.tmp)`` in the teardown and
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
from transforms.plan_types import LevelPlan

_EMPTY = cst.Module(body=[])


def _normal(node: cst.CSTNode, mode: str = "exec") -> str:
    """The node's code as ``ast.unparse`` writes it: how the plan recorded it."""
    return ast.unparse(ast.parse(_EMPTY.code_for_node(node).strip(), mode=mode))


def rewrite_temp(
    stmts: list[cst.BaseStatement], plan: LevelPlan, setup: bool
) -> list[cst.BaseStatement]:
    """Apply the plan's temporary-path rewrites (setup) and removal drops (both parts)."""
    if not (plan.temp or plan.drops or plan.chdir or plan.dirs or plan.env):
        return stmts
    change, restore = plan.chdir or ("", "")
    pending = {target: (old, new) for target, old, new in plan.temp} if setup else {}
    env = set(plan.env if setup else plan.env_restores)
    out: list[cst.BaseStatement] = []
    for stmt in stmts:
        if env and _normal(stmt) in env:
            env.discard(_normal(stmt))
            if not setup:
                continue  # monkeypatch puts the variable back
            stmt = _setenv(stmt)
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
                stmt = stmt.with_changes(body=[_monkeypatched(small)])
            if isinstance(small, cst.Assign) and len(small.targets) == 1:
                target = cst_dotted(small.targets[0].target)
                if target in pending and _normal(small.value, "eval") == pending[target][0]:
                    value = cst.parse_expression(pending.pop(target)[1])
                    stmt = stmt.with_changes(body=[small.with_changes(value=value)])
        out.append(stmt)
    if pending or env:
        raise TransformMismatch(f"planned statements not found: {sorted(pending)} {sorted(env)}")
    return _with_dirs(out, plan.dirs) if setup and plan.dirs else out


def _monkeypatched(expr: cst.Expr) -> cst.Expr:
    """``os.chdir(d)`` -> ``monkeypatch.chdir(d)``."""
    call = expr.value
    assert isinstance(call, cst.Call)
    func = cst.Attribute(value=cst.Name("monkeypatch"), attr=cst.Name("chdir"))
    return expr.with_changes(value=call.with_changes(func=func))


def _setenv(stmt: cst.BaseStatement) -> cst.BaseStatement:
    """``os.environ[K] = v`` -> ``monkeypatch.setenv(K, v)``."""
    assert isinstance(stmt, cst.SimpleStatementLine)
    assign = stmt.body[0]
    assert isinstance(assign, cst.Assign)
    target = assign.targets[0].target
    assert isinstance(target, cst.Subscript)
    index = target.slice[0].slice
    assert isinstance(index, cst.Index)
    func = cst.Attribute(value=cst.Name("monkeypatch"), attr=cst.Name("setenv"))
    call = cst.Call(func=func, args=[cst.Arg(index.value), cst.Arg(assign.value)])
    return stmt.with_changes(body=[cst.Expr(call, semicolon=assign.semicolon)])


MAKERS = frozenset({"mkdtemp", "mkstemp", "TemporaryDirectory", "NamedTemporaryFile"})


class _AddDir(cst.CSTTransformer):
    """Adds ``dir=<pytest directory>`` to the planned maker calls of the function's own scope."""

    def __init__(self, dirs: tuple[tuple[str, str, int], ...]) -> None:
        super().__init__()
        self.where = {source: where for source, where, _ in dirs}
        self.seen: dict[str, int] = {}

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False  # a nested scope: the plan did not look inside

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        name = cst_dotted(original.func)
        if name is None or name.rsplit(".", 1)[-1] not in MAKERS:
            return updated
        source = _normal(original, "eval")
        if source not in self.where:
            return updated
        self.seen[source] = self.seen.get(source, 0) + 1
        value = cst.parse_expression(self.where[source])
        equal = cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        )
        arg = cst.Arg(value=value, keyword=cst.Name("dir"), equal=equal)
        return updated.with_changes(args=[*updated.args, arg])


def _with_dirs(
    stmts: list[cst.BaseStatement], dirs: tuple[tuple[str, str, int], ...]
) -> list[cst.BaseStatement]:
    adder = _AddDir(dirs)
    out = [stmt.visit(adder) for stmt in stmts]
    expected = {source: count for source, _, count in dirs}
    if adder.seen != expected:
        raise TransformMismatch(f"tempfile calls differ from the plan: {adder.seen} {expected}")
    return [s for s in out if isinstance(s, cst.BaseStatement)]
