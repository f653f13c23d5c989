"""What class and test-method decorators do to a class: subclassing, skips, opaque wrappers.

What it does: recognises decorators that return a subclass of their argument (and the
attributes that subclass defines), names bound to unittest's skip decorators or to
functions returning one, and test decorators the plan cannot see through.
Why: a decorator can replace a class's lifecycle methods or skip a test before its setUp
runs; converting without knowing which would change what runs.
Example: ``skip_if_no_db = unittest.skipUnless(HAVE_DB, "db")`` makes ``skip_if_no_db`` a
skip alias.
Refuses when: never; the plan refuses.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping

from transforms.astutil import decorator_target, qualify, walk_same_scope
from transforms.bindings import (
    DEFINITIONS,
    assigned_names,
    body_functions,
)
from transforms.facts import (
    bound_names,
    dotted,
    is_docstring,
)
from transforms.unittest_api import (
    PATCHERS,
    SKIP_NAMES,
    UNITTEST_SKIPS,
)


def subclassing_decorators(
    tree: ast.Module, bindings: Mapping[str, int], aliases: Mapping[str, str]
) -> dict[str, frozenset[str]]:
    """Module functions that return a subclass of their one argument, defined in their body,
    and nothing else: ``def abstract_base_test(cls): class Wrapper(cls): ...; return
    Wrapper``; or that return the argument itself after setting plain attributes on it
    (``def slow(cls): cls.slow = True; return cls``) or decorating it with mock's patchers
    (``return patch("socket.getnameinfo", fake)(cls)``, see ``_returned_argument``). Maps
    each name (bound once, see ``global_bindings``) to the attributes the function defines:
    the decorated class behaves as the original one but for those."""
    out: dict[str, frozenset[str]] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef) and bindings.get(stmt.name) == 1:
            attrs = _subclass_attrs(stmt, aliases)
            if attrs is not None:
                out[stmt.name] = attrs
    return out


def defines_class_in_function(tree: ast.Module) -> bool:
    """Whether a top-level function has a class statement directly in its body or ends by
    returning a name or a call (the shapes ``subclassing_decorators`` accepts): most modules
    have none."""
    return any(
        isinstance(stmt, ast.FunctionDef)
        and (
            any(isinstance(s, ast.ClassDef) for s in stmt.body)
            or (
                isinstance(stmt.body[-1], ast.Return)
                and isinstance(stmt.body[-1].value, (ast.Name, ast.Call))
            )
        )
        for stmt in tree.body
    )


def _subclass_attrs(func: ast.FunctionDef, aliases: Mapping[str, str]) -> frozenset[str] | None:
    args = func.args
    if func.decorator_list or len(args.args) != 1 or args.posonlyargs or args.vararg:
        return None
    if args.kwonlyargs or args.kwarg or args.defaults:
        return None
    body = [s for s in func.body if not is_docstring(s)]
    returned = _returned_argument(body, args.args[0].arg, aliases)
    if returned is not None:
        return returned
    if len(body) != 2:
        return None
    inner, ret = body
    if not (
        isinstance(inner, ast.ClassDef)
        and not inner.decorator_list
        and not inner.keywords
        and len(inner.bases) == 1
        and isinstance(inner.bases[0], ast.Name)
        and inner.bases[0].id == args.args[0].arg
        and isinstance(ret, ast.Return)
        and isinstance(ret.value, ast.Name)
        and ret.value.id == inner.name
    ):
        return None
    attrs: set[str] = set()
    for stmt in inner.body:
        if isinstance(stmt, DEFINITIONS):
            attrs.add(stmt.name)
        elif not is_docstring(stmt):
            attrs.update(assigned_names(stmt))
            if not isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.Pass)):
                return None  # code that runs when the class is built: not read here
    return frozenset(attrs)


def _returned_argument(
    body: list[ast.stmt], arg: str, aliases: Mapping[str, str]
) -> frozenset[str] | None:
    """The attributes set on ``arg`` by a body that returns ``arg`` itself, or ``arg``
    decorated by mock's ``PATCHERS`` (which wrap only its test methods), on every path and
    does nothing else to it; None for any other body. Accepted statements: ``arg.name =
    value``; ``arg = patch(...)(arg)``; ``return arg`` or ``return patch(...)(arg)``;
    ``if``/``else`` whose test does not read ``arg``; stores into local names or container
    items and imports, none reading ``arg`` (``_saved["open"] = builtins.open``); undecorated
    helper defs that at most read attributes of ``arg``. All of them run when the class is
    decorated, before and after the rewrite alike; only what they do to the class matters.
    """
    if not body or not isinstance(body[-1], ast.Return):
        return None
    local = bound_names(body) - {arg}
    attrs: set[str] = set()
    if not _argument_block(body, _ArgumentShape(arg, aliases, local), attrs):
        return None
    return frozenset(attrs)


class _ArgumentShape:
    """What ``_argument_block`` checks statements against: the decorated argument, the
    module's import aliases, and the names the function binds itself (a local ``patch``
    would not be mock's)."""

    def __init__(self, arg: str, aliases: Mapping[str, str], local: frozenset[str]) -> None:
        self.arg = arg
        self.aliases = aliases
        self.local = local

    def reads_arg(self, node: ast.AST | None) -> bool:
        return node is not None and any(
            isinstance(n, ast.Name) and n.id == self.arg for n in ast.walk(node)
        )

    def hands_on_arg(self, node: ast.AST) -> bool:
        """Whether ``node`` uses ``arg`` other than to read one of its attributes: passes it
        on, stores it, or stores into it."""
        read = {
            id(n.value)
            for n in ast.walk(node)
            if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load)
        }
        return any(
            isinstance(n, ast.Name) and n.id == self.arg and id(n) not in read
            for n in ast.walk(node)
        )

    def is_arg(self, node: ast.expr | None) -> bool:
        return isinstance(node, ast.Name) and node.id == self.arg

    def patched_arg(self, node: ast.expr | None) -> bool:
        """``patch(...)(arg)`` with ``patch`` one of mock's ``PATCHERS``."""
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Call)
            and len(node.args) == 1
            and not node.keywords
            and self.is_arg(node.args[0])
        ):
            return False
        callee = node.func.func
        head = (dotted(callee) or "").partition(".")[0]
        return head not in self.local and qualify(callee, self.aliases) in PATCHERS


def _argument_block(body: list[ast.stmt], shape: _ArgumentShape, attrs: set[str]) -> bool:
    """Whether every statement of ``body`` has a shape ``_returned_argument`` accepts; the
    attributes set on the argument are added to ``attrs``."""
    for stmt in body:
        if isinstance(stmt, ast.Return):
            ok = shape.is_arg(stmt.value) or shape.patched_arg(stmt.value)
        elif isinstance(stmt, ast.If):
            ok = not shape.reads_arg(stmt.test) and all(
                _argument_block(block, shape, attrs) for block in (stmt.body, stmt.orelse)
            )
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            ok = _argument_assign(stmt.targets[0], stmt.value, shape, attrs)
        elif isinstance(stmt, ast.FunctionDef):
            # Its body too: a helper that closes over the class could change it later;
            # reading attributes of it (``cls.orig_open(...)``) cannot.
            ok = not stmt.decorator_list and not shape.hands_on_arg(stmt)
        else:
            ok = isinstance(stmt, (ast.Pass, ast.Import, ast.ImportFrom)) or is_docstring(stmt)
        if not ok:
            return False
    return True


def _argument_assign(
    target: ast.expr, value: ast.expr, shape: _ArgumentShape, attrs: set[str]
) -> bool:
    if isinstance(target, ast.Attribute) and shape.is_arg(target.value):
        attrs.add(target.attr)
        return True
    if shape.is_arg(target):
        return shape.patched_arg(value)
    # A store into another object's attribute may change a parent class (``Base.setUp =
    # ...``); a local name or a container item cannot.
    plain = isinstance(target, ast.Name) or (
        isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
    )
    return plain and not shape.reads_arg(target) and not shape.reads_arg(value)


def skip_aliases(
    tree: ast.Module, aliases: Mapping[str, str], bindings: Mapping[str, int]
) -> frozenset[str]:
    """Module globals bound once (see ``global_bindings``), at the top level, to a unittest
    skip decorator: ``skipIfNoNetwork = unittest.skipIf("NO_NETWORK" in os.environ, "...")``."""
    skips: set[str] = set()
    for stmt in tree.body:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Call)
            and qualify(stmt.value.func, aliases) in UNITTEST_SKIPS
        ):
            skips.add(stmt.targets[0].id)
    return frozenset(name for name in skips if bindings.get(name) == 1)


def skip_factories(
    tree: ast.Module, aliases: Mapping[str, str], bindings: Mapping[str, int]
) -> frozenset[str]:
    """Module functions bound once whose call returns a unittest skip decorator: every
    return gives ``unittest.skipIf(...)``, or a function of their body whose every return
    is ``unittest.skipIf(...)(its argument)`` (``@requires_crt()``, ``@skip_if_windows("...")``
    on a class). Such a decorator returns the class itself, marked skipped or not."""
    out: set[str] = set()
    for stmt in tree.body:
        if not isinstance(stmt, ast.FunctionDef) or bindings.get(stmt.name) != 1:
            continue
        inner = {s.name: s for s in stmt.body if isinstance(s, ast.FunctionDef)}
        returns = [n.value for n in walk_same_scope(stmt.body) if isinstance(n, ast.Return)]
        if returns and all(_returns_skip(v, inner, aliases) for v in returns):
            out.add(stmt.name)
    return frozenset(out)


def _returns_skip(
    value: ast.expr | None, inner: Mapping[str, ast.FunctionDef], aliases: Mapping[str, str]
) -> bool:
    if isinstance(value, ast.Call):
        return qualify(value.func, aliases) in UNITTEST_SKIPS
    if not (isinstance(value, ast.Name) and value.id in inner):
        return False
    func = inner[value.id]
    params = [a.arg for a in func.args.posonlyargs + func.args.args]
    if len(params) != 1 or func.args.vararg or func.args.kwarg or func.args.kwonlyargs:
        return False
    returns = [n.value for n in walk_same_scope(func.body) if isinstance(n, ast.Return)]
    return bool(returns) and all(
        isinstance(v, ast.Call)
        and isinstance(v.func, ast.Call)
        and qualify(v.func.func, aliases) in UNITTEST_SKIPS
        and len(v.args) == 1
        and not v.keywords
        and isinstance(v.args[0], ast.Name)
        and v.args[0].id == params[0]
        for v in returns
    )


# Decorators of test methods known not to mark a test skipped (unittest's own skip
# decorators become pytest marks, see ``transforms.skip_marks``).
CLEAR_DECORATORS = (
    "unittest.mock.patch",
    "mock.patch",
    "unittest.expectedFailure",
    "unittest.case.expectedFailure",
    "pytest.mark.",
    "builtins.",
    "functools.wraps",
)


def _test_decorators(node: ast.ClassDef) -> Iterator[ast.expr]:
    """The decorators of the class's own test methods, those in if/try/with blocks of the
    class body too (every branch: ``transforms.skip_marks`` rewrites them all)."""
    for func in body_functions(node):
        if func.name.startswith("test"):
            yield from func.decorator_list


def has_opaque_tests(node: ast.ClassDef, aliases: Mapping[str, str]) -> bool:
    """Whether a test method has a decorator that may set ``__unittest_skip__``."""
    for decorator in _test_decorators(node):
        target = decorator_target(decorator)
        name = dotted(target) or ""
        if name.rsplit(".", 1)[-1] in SKIP_NAMES:
            continue
        head, _, rest = name.partition(".")
        qualified = aliases.get(head, f"builtins.{head}" if head in dir(__builtins__) else "")
        full = f"{qualified}.{rest}" if rest and qualified else qualified
        if not full.startswith(CLEAR_DECORATORS):
            return True
    return False


def skip_calls(node: ast.ClassDef) -> list[ast.Call]:
    """``@skip(...)``-like decorator calls on the test methods of a class."""
    found: list[ast.Call] = []
    for decorator in _test_decorators(node):
        if isinstance(decorator, ast.Call):
            name = dotted(decorator.func) or ""
            if name.rsplit(".", 1)[-1] in SKIP_NAMES:
                found.append(decorator)
    return found


def markable(call: ast.Call) -> bool:
    """The same test as ``transforms.skip_marks``: can it become a pytest mark exactly?"""
    kind = (dotted(call.func) or "").rsplit(".", 1)[-1]
    wanted = ("reason",) if kind == "skip" else ("condition", "reason")
    if any(isinstance(a, ast.Starred) for a in call.args) or len(call.args) > len(wanted):
        return False
    given = [*wanted[: len(call.args)], *(k.arg or "**" for k in call.keywords)]
    if sorted(given) != sorted(wanted):
        return False
    if kind == "skip":
        return True
    values: dict[str | None, ast.expr] = dict(zip(wanted, call.args, strict=False))
    values.update((k.arg, k.value) for k in call.keywords)
    condition = values["condition"]
    # pytest evaluates a string condition as code; unittest only tests its truth.
    is_text = isinstance(condition, ast.JoinedStr) or (
        isinstance(condition, ast.Constant) and isinstance(condition.value, str)
    )
    return not is_text
