"""Which loggers a setUp may add handlers to: those surely not the root logger.

Why: pytest's log capture adds its handler to the root logger for each phase of a test and
takes it out after (``catching_logs``), restoring the root level too when ``log_level`` is
set. A setUp that replaces or inspects the root logger's handlers sees a different list once
it runs as a fixture, in the setup phase (``temp_facts.PHASE_ATTRS``: refused, MF119). A
named logger is not touched between phases: ``logger.addHandler(h)`` on
``logging.getLogger("distlib")`` is the same in either phase.

What counts as surely named: ``logging.getLogger("name")`` (any string but ``""`` and
``"root"``, which is the root logger since Python 3.9) or ``getLogger(__name__)``, a
``logging.Logger(...)`` made directly; a name the same body binds to one of those (and to
nothing else); a module-level name bound once to one of those (``ModuleInfo.named_loggers``),
in the module itself or in a module of the project it is imported from (``settle``, after the
index is complete, following re-exports). Anything else stays refused.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from transforms.astutil import dotted, qualify, walk_all

if TYPE_CHECKING:
    from transforms.facts import BodyFacts
    from transforms.index import ClassInfo, ModuleInfo

ROOT_NAMES = frozenset({"", "root"})


def names_a_logger(node: ast.expr, aliases: Mapping[str, str]) -> bool:
    """``logging.getLogger("name")``, ``getLogger(__name__)`` or ``logging.Logger(...)``."""
    if not isinstance(node, ast.Call):
        return False
    func = qualify(node.func, aliases)
    if func == "logging.Logger":
        return True
    if func != "logging.getLogger" or len(node.args) != 1 or node.keywords:
        return False
    arg = node.args[0]
    if isinstance(arg, ast.Name):
        return arg.id == "__name__"
    return (
        isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in ROOT_NAMES
    )


def local_loggers(
    body: list[ast.stmt], aliases: Mapping[str, str]
) -> tuple[frozenset[str], frozenset[str]]:
    """The dotted targets (``log``, ``self.logger``) that ``body`` binds only to a named
    logger (``self.logger = logging.Logger("x")``), and those it binds otherwise."""
    named: set[str] = set()
    targets: set[int] = set()  # the target nodes of those assignments
    nodes = walk_all(body)
    for node in nodes:
        if isinstance(node, ast.Assign) and names_a_logger(node.value, aliases):
            spelled = [dotted(t) for t in node.targets]
            if all(spelled):
                named.update(n for n in spelled if n)
                targets.update(id(t) for t in node.targets)
    other: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.arg):
            other.add(node.arg)  # a parameter of a nested function or lambda
        elif isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Store):
            name = dotted(node)
            if name is not None and id(node) not in targets:
                other.add(name)
    return frozenset(named - other), frozenset(other)


def module_loggers(
    tree: ast.Module, aliases: Mapping[str, str], bindings: Mapping[str, int]
) -> frozenset[str]:
    """Module globals bound once (``bindings``: ``bindings.global_bindings``, which counts a
    function's ``global`` declaration too), by a top-level assignment of a named logger."""
    named = {
        stmt.targets[0].id
        for stmt in tree.body
        if isinstance(stmt, ast.Assign)
        and len(stmt.targets) == 1
        and isinstance(stmt.targets[0], ast.Name)
        and names_a_logger(stmt.value, aliases)
    }
    return frozenset(n for n in named if bindings.get(n) == 1)


def settle(infos: Mapping[str, ModuleInfo], aliases: Mapping[str, str]) -> dict[str, ModuleInfo]:
    """``infos`` with each lifecycle body's deferred logger uses (``BodyFacts.logger_uses``)
    resolved against every indexed module: a use on a named logger no longer refuses."""
    by_module: dict[str, ModuleInfo] = {i.module: i for i in infos.values()}
    for alias, real in aliases.items():
        if real in by_module:
            by_module.setdefault(alias, by_module[real])
    out: dict[str, ModuleInfo] = {}
    for path, info in infos.items():
        classes = tuple(_settled_class(c, info, by_module) for c in info.classes)
        functions = {
            name: _settled(facts, info, by_module) for name, facts in info.functions.items()
        }
        changed = classes != info.classes or functions != dict(info.functions)
        out[path] = replace(info, classes=classes, functions=functions) if changed else info
    return out


def _settled_class(
    cls: ClassInfo, info: ModuleInfo, by_module: Mapping[str, ModuleInfo]
) -> ClassInfo:
    methods = {name: _settled(facts, info, by_module) for name, facts in cls.methods.items()}
    return cls if methods == dict(cls.methods) else replace(cls, methods=methods)


def _settled(facts: BodyFacts, info: ModuleInfo, by_module: Mapping[str, ModuleInfo]) -> BodyFacts:
    if not facts.logger_uses:
        return facts
    unresolved = [
        line for line, name in facts.logger_uses if not is_named_logger(name, info, by_module)
    ]
    lines = [line for line in (facts.phase_definite, *unresolved) if line is not None]
    state = min(lines, default=None)
    return facts if state == facts.phase_state else replace(facts, phase_state=state)


def is_named_logger(
    name: str, info: ModuleInfo, by_module: Mapping[str, ModuleInfo], depth: int = 0
) -> bool:
    """Whether ``name`` (as ``qualify`` spells it in ``info``'s module: ``logger`` for its
    own global, ``distlib.logger`` for an imported one) is a module-level named logger."""
    if depth > 8:
        return False
    if "." not in name:
        return name in info.named_loggers
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = by_module.get(".".join(parts[:cut]))
        if module is None:
            continue
        head, rest = parts[cut], parts[cut + 1 :]
        if not rest and head in module.named_loggers:
            return True
        target = module.aliases.get(head)
        if target is None:
            return False
        return is_named_logger(".".join([target, *rest]), module, by_module, depth + 1)
    return False
