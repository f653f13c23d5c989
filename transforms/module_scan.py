"""One walk of a module: the names, imports and attributes the index needs outside classes.

What it does: collects, in a single ``ast.walk``, every lifecycle attribute (``x.setUp``,
and ``setattr``/``getattr`` naming one), every cleanup attribute, call passing the test
instance, import and ``global`` statement.
Why: indexing a large suite is dominated by tree walks; the module-level questions are
answered from one walk instead of one per question.
Example: ``setattr(Case, "setUp", f)`` is recorded as an ``Case.setUp`` attribute.
Refuses when: never; the plan refuses.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from transforms.bindings import (
    import_bindings,
    module_name_is_package,
    module_statements,
)
from transforms.facts import dotted
from transforms.unittest_api import (
    ALL_CLEANUP_ATTRS,
    LIFECYCLE_METHODS,
    MODULE_CLEANUPS,
    MODULE_LEVEL,
)


def module_cleanup_api(aliases: Mapping[str, str]) -> dict[str, str]:
    api: dict[str, str] = {}
    for local, qualified in aliases.items():
        for name, method in MODULE_CLEANUPS.items():
            if qualified in ("unittest", "unittest.case"):
                api[f"{local}.{name}"] = method
            elif qualified in (f"unittest.{name}", f"unittest.case.{name}"):
                api[local] = method
    return api


@dataclass
class ModuleScan:
    """What one walk over the tree collects for everything else to use."""

    classes: list[ast.ClassDef] = field(default_factory=list)
    # The module's own statements (its top-level functions hold external references).
    tree_body: list[ast.stmt] = field(default_factory=list)
    lifecycle_attrs: list[ast.Attribute] = field(default_factory=list)
    cleanup_attrs: list[ast.Attribute] = field(default_factory=list)
    module_names: list[int] = field(default_factory=list)
    module_attrs: list[ast.Attribute] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    # How often each name is written (read, bound or deleted), and every attribute name read
    # anywhere: whether a decorator function is read only as a method decorator
    # (``transforms.method_decorators``).
    name_counts: Counter[str] = field(default_factory=Counter)
    attr_names: set[str] = field(default_factory=set)
    imports: list[ast.Import | ast.ImportFrom] = field(default_factory=list)
    declared_global: list[str] = field(default_factory=list)
    # Calls given a bare name that is the first parameter of some function: where a test
    # instance may be handed to code this tool does not read (see ``index._self_escapes``).
    param_calls: list[tuple[ast.Call, frozenset[str]]] = field(default_factory=list)


def scan_module(tree: ast.Module) -> ModuleScan:
    """One ``ast.walk``: the classes and every attribute or name the index looks at."""
    found = ModuleScan(tree_body=tree.body)
    # ast.walk goes breadth first: a function's parameters are seen before its body.
    firsts: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            found.classes.append(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            params = node.args.posonlyargs + node.args.args
            if params:
                firsts.add(params[0].arg)
        elif isinstance(node, ast.Call):
            passed = _names_passed(node, firsts)
            if passed:
                found.param_calls.append((node, passed))
            found.lifecycle_attrs += _attribute_builtin(node, tree)
        elif isinstance(node, ast.Attribute):
            found.attr_names.add(node.attr)
            _scan_attribute(node, found)
        elif isinstance(node, ast.Name):
            found.names.add(node.id)
            found.name_counts[node.id] += 1
            if node.id in MODULE_LEVEL:
                found.module_names.append(node.lineno)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.imports.append(node)
        elif isinstance(node, ast.Global):
            found.declared_global += node.names
    return found


# Builtins that read, set or delete an attribute named by a string: ``setattr(A, "setUp",
# f)`` replaces A's setUp as ``A.setUp = f`` does.
ATTRIBUTE_BUILTINS = frozenset({"setattr", "getattr", "delattr", "hasattr"})


def _attribute_builtin(call: ast.Call, tree: ast.Module) -> list[ast.Attribute]:
    """``X.setUp``-like attributes for ``setattr``/``getattr``/``delattr``/``hasattr`` calls
    that name a lifecycle method: the literal name, or, for ``setattr``/``delattr`` on a
    class of the module with a name computed at run time (``setattr(B, name, f)``), every
    lifecycle name the computation could give (a literal prefix such as ``"test_" + x``
    rules them out)."""
    func = call.func
    if not (isinstance(func, ast.Name) and func.id in ATTRIBUTE_BUILTINS and len(call.args) >= 2):
        return []
    receiver, name = call.args[0], call.args[1]
    if isinstance(name, ast.Constant):
        names = [name.value] if name.value in LIFECYCLE_METHODS else []
    elif func.id in ("setattr", "delattr") and _names_module_class(receiver, tree):
        prefixes = _possible_prefixes(name, call, tree)
        names = [m for m in LIFECYCLE_METHODS if any(m.startswith(p) for p in prefixes)]
    else:
        names = []
    return [ast.copy_location(ast.Attribute(receiver, n, ast.Load()), call) for n in names]


def _guarded_prefix(call: ast.Call, name: ast.Name, tree: ast.Module) -> str:
    """The prefix an ``if`` around ``call`` checks on ``name``: ``if n.startswith("test"):
    delattr(C, n)`` (the test may be one operand of an ``and``), when the ``if`` body does
    not bind ``name`` again; "" when no such test guards it (CPython's test_shlex deletes
    its ``test*`` methods this way)."""
    for node in ast.walk(tree):
        # Only an if whose lines hold the call's can hold it: the body is walked for those.
        if not isinstance(node, ast.If) or not node.lineno <= call.lineno <= (node.end_lineno or 0):
            continue
        inside = [n for s in node.body for n in ast.walk(s)]
        if call not in inside or any(
            isinstance(n, ast.Name) and n.id == name.id and not isinstance(n.ctx, ast.Load)
            for n in inside
        ):
            continue
        test = node.test
        if isinstance(test, ast.BoolOp) and not isinstance(test.op, ast.And):
            continue
        for operand in test.values if isinstance(test, ast.BoolOp) else [test]:
            prefix = _startswith_literal(operand, name.id)
            if prefix:
                return prefix
    return ""


def _startswith_literal(test: ast.expr, variable: str) -> str:
    """``variable.startswith("lit")`` -> "lit"; "" for anything else."""
    if not (isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute)):
        return ""
    owner, args = test.func.value, test.args
    if (
        test.func.attr == "startswith"
        and isinstance(owner, ast.Name)
        and owner.id == variable
        and len(args) == 1
        and isinstance(args[0], ast.Constant)
        and isinstance(args[0].value, str)
    ):
        return args[0].value
    return ""


def _names_module_class(node: ast.expr, tree: ast.Module) -> bool:
    return isinstance(node, ast.Name) and any(
        isinstance(s, ast.ClassDef) and s.name == node.id for s in module_statements(tree.body)
    )


def _possible_prefixes(node: ast.expr, call: ast.Call, tree: ast.Module) -> list[str]:
    """What the string expression ``node`` (an argument of ``call``) certainly starts with,
    once per value it may have: its own literal prefix; for a variable, the prefix an ``if``
    around the call checks (``_guarded_prefix``), or else that of each value the module
    assigns to the name (``test_name = "test_%s" % case`` then ``setattr(C, test_name,
    f)``); "" (any name) for a variable bound otherwise too (a loop variable, a parameter)."""
    if not isinstance(node, ast.Name):
        return [_literal_prefix(node)]
    guard = _guarded_prefix(call, node, tree)
    if guard:
        return [guard]
    values: list[ast.expr] = []
    stores = 0
    for sub in ast.walk(tree):
        if isinstance(sub, ast.Name) and sub.id == node.id and isinstance(sub.ctx, ast.Store):
            stores += 1
        elif isinstance(sub, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == node.id for t in sub.targets
        ):
            values.append(sub.value)
    if not values or stores != len(values):
        return [""]
    return [_literal_prefix(v) for v in values]


def _literal_prefix(node: ast.expr) -> str:
    """The text a string expression certainly starts with: ``"test_" + x``, ``f"test_{x}"``,
    ``"test_%s" % x``; "" when unknown."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_prefix(node.left)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _literal_prefix(node.left).split("%", 1)[0]
    if isinstance(node, ast.JoinedStr) and node.values:
        return _literal_prefix(node.values[0])
    func = node.func if isinstance(node, ast.Call) else None
    if isinstance(func, ast.Attribute) and func.attr == "format":  # "test_{}".format(x)
        return _literal_prefix(func.value).split("{", 1)[0]
    return ""


def _scan_attribute(node: ast.Attribute, found: ModuleScan) -> None:
    if node.attr in LIFECYCLE_METHODS:
        found.lifecycle_attrs.append(node)
    elif node.attr in ALL_CLEANUP_ATTRS:
        found.cleanup_attrs.append(node)
    elif node.attr in MODULE_LEVEL:
        found.module_names.append(node.lineno)
        found.module_attrs.append(node)


# ``x.setUp(self)``-like text: only then can a module's function pass for a parent call.
MODULE_CALL = re.compile(r"\w\.(?:setUp|tearDown)\(")


def module_spellings(tree: ast.Module, bindings: Mapping[str, int]) -> frozenset[str]:
    """Spellings that can only name a module: what a module-level plain import binds
    (``import a.b`` -> ``a``, ``a.b``; ``import a.b as x`` -> ``x``) when no other statement
    binds the same name. ``from a import b`` may bind a class: not counted."""
    counts: Counter[str] = Counter()
    spelled: list[tuple[str, list[str]]] = []
    for node in module_statements(tree.body):
        if not isinstance(node, ast.Import):
            continue
        for alias in node.names:
            if alias.asname:
                counts[alias.asname] += 1
                spelled.append((alias.asname, [alias.asname]))
                continue
            parts = alias.name.split(".")
            counts[parts[0]] += 1
            spelled.append((parts[0], [".".join(parts[:i]) for i in range(1, len(parts) + 1)]))
    return frozenset(
        name for head, names in spelled if bindings.get(head) == counts[head] for name in names
    )


def _names_passed(call: ast.Call, names: set[str]) -> frozenset[str]:
    """Which of ``names`` the call is given as a bare argument (``f(self)``, ``f(x=self)``,
    ``f(*self)``)."""
    if not names:
        return frozenset()
    values = [*call.args, *(k.value for k in call.keywords)]
    values = [v.value if isinstance(v, ast.Starred) else v for v in values]
    return frozenset(v.id for v in values if isinstance(v, ast.Name) and v.id in names)


def is_within(node: ast.AST, span: ast.stmt | ast.expr) -> bool:
    line: int = getattr(node, "lineno", 0)
    return span.lineno <= line <= (span.end_lineno or span.lineno)


def imported_names(scan: ModuleScan, module: str, path: str) -> frozenset[str]:
    """Every qualified name the module's import statements bind, nested ones included."""
    bound = import_bindings(scan.imports, module, module_name_is_package(path))
    return frozenset(bound.values())


def module_cleanup_lines(tree: ast.Module, api: Mapping[str, str]) -> tuple[int, ...]:
    """Lines registering module cleanups outside setUpModule/tearDownModule."""
    lines: list[int] = []
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name in MODULE_LEVEL:
            continue
        for node in ast.walk(stmt):
            if isinstance(node, (ast.Name, ast.Attribute)) and dotted(node) in api:
                lines.append(node.lineno)
    return tuple(lines)
