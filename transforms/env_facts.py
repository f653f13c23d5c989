"""Environment variables a setUp sets and its tearDown puts back, read from ``ast``.

What it does: finds, at the top level of a ``setUp``, the save of a variable
(``self.old = os.environ.get("K")`` or ``self.old = os.environ["K"]``) followed by a write
``os.environ["K"] = value``, and, at the end of the ``tearDown``, the statements that put it
back (the "restore tail", which may also hold the ``os.chdir`` restore).
Why: ``monkeypatch.setenv`` undoes a write exactly as such a restore does, and only then may
the pair become ``monkeypatch.setenv`` (the plan checks the shapes agree).
Example: ``self.old = os.environ.get("HOME"); os.environ["HOME"] = "/x"`` and a tearDown ending
in ``if self.old is None: os.environ.pop("HOME", None) else: os.environ["HOME"] = self.old``.
Refuses when: never; what does not match stays as it is and is reported as hazard MF204.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from transforms.astutil import (
    dotted,
    explicit_parent_call,
    is_super_call,
    qualify,
    walk_same_scope,
)
from transforms.temp_facts import ChdirSite, chdir_calls, is_chdir


@dataclass(frozen=True)
class EnvSave:
    """``T = os.environ.get(K)`` ("get": T may be None) or ``T = os.environ[K]`` ("item")."""

    key: str
    target: str
    kind: str
    index: int


@dataclass(frozen=True)
class EnvWrite:
    """``os.environ[K] = value`` as a whole top-level statement of a setup."""

    key: str
    line: int
    index: int
    # ast.unparse of the statement: the rewrite finds it by this.
    source: str
    # The value is surely a ``str`` (a literal, an f-string, ``str(...)``), or the dotted name
    # it reads (a ``str`` only when the plan knows the name holds one).
    value_is_str: bool
    value_name: str | None


@dataclass(frozen=True)
class EnvRestore:
    """A statement at the end of a tearDown that puts ``K`` back from ``T``.

    ``exact_when_absent`` says the restore removes ``K`` without raising when ``T`` is None
    (``os.environ.pop(K, None)``), as monkeypatch does; ``del os.environ[K]`` raises when the
    test removed ``K`` itself, so it is not the same.
    """

    key: str
    target: str
    source: str
    handles_absent: bool
    exact_when_absent: bool


@dataclass(frozen=True)
class EnvFacts:
    saves: tuple[EnvSave, ...] = ()
    writes: tuple[EnvWrite, ...] = ()
    # Every statement or call in the body that writes os.environ (writes included).
    all_writes: int = 0
    # How many times each dotted name is assigned in the body.
    assigned: tuple[tuple[str, int], ...] = ()


def _key(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _environ_item(node: ast.expr, aliases: Mapping[str, str]) -> str | None:
    """``os.environ["K"]``: K."""
    if isinstance(node, ast.Subscript) and qualify(node.value, aliases) == "os.environ":
        return _key(node.slice)
    return None


def _is_str(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr) or _key(node) is not None:
        return True
    return isinstance(node, ast.Call) and dotted(node.func) == "str" and len(node.args) == 1


def env_setup(body: list[ast.stmt], aliases: Mapping[str, str]) -> EnvFacts:
    environ_writes = sum(_writes_environ(node, aliases) for node in walk_same_scope(body))
    if not environ_writes:
        return EnvFacts()
    saves: list[EnvSave] = []
    writes: list[EnvWrite] = []
    for index, stmt in enumerate(body):
        if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
            continue
        target = stmt.targets[0]
        key = _environ_item(target, aliases)
        if key is not None:
            name = dotted(stmt.value)
            source = ast.unparse(stmt)
            writes.append(EnvWrite(key, stmt.lineno, index, source, _is_str(stmt.value), name))
            continue
        saved = dotted(target)
        save = _save(stmt.value, aliases)
        if saved is not None and save is not None:
            saves.append(EnvSave(save[0], saved, save[1], index))
    counts: dict[str, int] = {}
    for node in walk_same_scope(body):
        for target in node.targets if isinstance(node, ast.Assign) else ():
            name = dotted(target)
            if name is not None:
                counts[name] = counts.get(name, 0) + 1
    return EnvFacts(tuple(saves), tuple(writes), environ_writes, tuple(sorted(counts.items())))


def _save(value: ast.expr, aliases: Mapping[str, str]) -> tuple[str, str] | None:
    key = _environ_item(value, aliases)
    if key is not None:
        return key, "item"
    if (
        isinstance(value, ast.Call)
        and qualify(value.func, aliases) == "os.environ.get"
        and len(value.args) == 1
        and not value.keywords
    ):
        key = _key(value.args[0])
        return (key, "get") if key is not None else None
    return None


def _writes_environ(node: ast.AST, aliases: Mapping[str, str]) -> int:
    """1 when the node writes or deletes an ``os.environ`` entry."""
    if isinstance(node, ast.Subscript) and not isinstance(node.ctx, ast.Load):
        return int(qualify(node.value, aliases) == "os.environ")
    if isinstance(node, ast.Call):
        func = qualify(node.func, aliases) or ""
        mutators = ("update", "setdefault", "pop", "popitem", "clear", "__setitem__")
        return int(func.startswith("os.environ.") and func.rsplit(".", 1)[-1] in mutators)
    return 0


def _restore(stmt: ast.stmt, aliases: Mapping[str, str]) -> EnvRestore | None:
    """``os.environ[K] = T``, or ``if T is None: <remove K> else: os.environ[K] = T``
    (either branch order)."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        key = _environ_item(stmt.targets[0], aliases)
        target = dotted(stmt.value)
        if key is None or target is None:
            return None
        return EnvRestore(key, target, ast.unparse(stmt), False, False)
    if not isinstance(stmt, ast.If) or len(stmt.body) != 1 or len(stmt.orelse) != 1:
        return None
    test = stmt.test
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.Is, ast.IsNot))
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value is None
    ):
        return None
    target = dotted(test.left)
    absent, present = (stmt.body, stmt.orelse)
    if isinstance(test.ops[0], ast.IsNot):
        absent, present = present, absent
    put = _restore(present[0], aliases)
    removal = _removal(absent[0], aliases)
    if target is None or put is None or removal is None or put.target != target:
        return None
    if removal[0] != put.key:
        return None
    return EnvRestore(put.key, target, ast.unparse(stmt), True, removal[1])


def _removal(stmt: ast.stmt, aliases: Mapping[str, str]) -> tuple[str, bool] | None:
    """``os.environ.pop(K, None)`` (exact) or ``del os.environ[K]`` (raises if K is gone)."""
    if isinstance(stmt, ast.Delete) and len(stmt.targets) == 1:
        key = _environ_item(stmt.targets[0], aliases)
        return (key, False) if key is not None else None
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        if qualify(call.func, aliases) != "os.environ.pop" or call.keywords:
            return None
        key = _key(call.args[0]) if call.args else None
        if key is None:
            return None
        default_none = (
            len(call.args) == 2
            and isinstance(call.args[1], ast.Constant)
            and call.args[1].value is None
        )
        return key, default_none
    return None


@dataclass(frozen=True)
class RestoreTail:
    """The statements that end a tearDown (before a final parent call) and put state back."""

    env: tuple[EnvRestore, ...] = ()
    chdir: ChdirSite | None = None


def restore_tail(
    body: list[ast.stmt],
    first: str | None,
    cls_name: str,
    aliases: Mapping[str, str],
    modules: Collection[str] = (),
) -> RestoreTail:
    if not body:
        return RestoreTail()
    stmts = list(body)
    last = stmts[-1]
    name = "tearDown"
    if is_super_call(last, name, first, cls_name) or explicit_parent_call(
        last, name, first, modules
    ):
        stmts.pop()
    env: list[EnvRestore] = []
    chdir: ChdirSite | None = None
    for stmt in reversed(stmts):
        call = is_chdir(stmt, aliases)
        saved = dotted(call.args[0]) if call else None
        if saved is not None and chdir is None:
            chdir = ChdirSite(saved, ast.unparse(stmt), chdir_calls(body, aliases))
            continue
        restore = _restore(stmt, aliases)
        if restore is None:
            break
        env.append(restore)
    return RestoreTail(tuple(reversed(env)), chdir)
