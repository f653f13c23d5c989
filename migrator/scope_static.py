"""Static evidence that a function-scoped setup fixture can be shared by its class.

What it does: reads the fixture method (a converted setUp: an autouse fixture in a test
class) and every other method of its class and of the module's subclasses of it, and says
why class scope is not safe, or that nothing it can see forbids it.
Why: class scope runs the setup once per class and shares what it made; that is only the
same as a fresh setup per test when (1) the setup only makes attributes of the instance
(every ``self`` use is ``self.<attribute it set>``, so it can move to ``request.cls``), (2)
it touches nothing process-wide and creates no files (a test could change those and the
attribute fingerprint would not see it), and (3) no test or other method rebinds, deletes
or assigns into what it made. Mutation through method calls (``self.db.execute(...)``) is
invisible here; the dynamic fingerprints catch it.
Example: ``self.db = build_db()`` with tests that only read ``self.db`` passes; a test doing
``self.rows.append(1)`` passes here and fails the fingerprint check; ``self.rows = []`` in a
test fails here.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from transforms.astutil import dotted

# Calls whose effect outlives the instance: process state, files, patches.
PROCESS_CALLS = (
    "os.",
    "sys.",
    "signal.",
    "socket.",
    "logging.",
    "warnings.",
    "locale.",
    "importlib.",
    "random.seed",
    "mock.",
    "patch",
    "unittest.mock",
    "time.tzset",
    "gc.",
    "faulthandler.",
    "threading.",
    "atexit.",
    "shutil.",
    "tempfile.",
    "subprocess.",
    "open",
    "setattr",
    "delattr",
    "exec",
    "eval",
)
SAFE_PREFIXES = ("os.path.",)
FILE_METHODS = frozenset(
    {"write_text", "write_bytes", "mkdir", "touch", "unlink", "rmdir", "rename", "replace"}
)


@dataclass
class StaticVerdict:
    """Why not (empty: nothing seen forbids class scope), and what the setup made."""

    reasons: list[str] = field(default_factory=list)
    attributes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.reasons


def _dotted(node: ast.AST) -> str:
    return (dotted(node) if isinstance(node, ast.expr) else None) or ""


def _root(node: ast.AST) -> ast.AST:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node


def _self_attribute(node: ast.AST) -> str | None:
    """``X`` for ``self.X`` (or ``self.X[...]``/``self.X.y``): the instance attribute at the
    root of a target."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
        ):
            return node.attr
        node = node.value
    return None


def _is_autouse_function_fixture(func: ast.FunctionDef) -> bool:
    for deco in func.decorator_list:
        if not isinstance(deco, ast.Call) or not _dotted(deco.func).endswith("fixture"):
            continue
        keywords = {k.arg: k.value for k in deco.keywords}
        autouse = keywords.get("autouse")
        scope = keywords.get("scope")
        is_function = scope is None or (
            isinstance(scope, ast.Constant) and scope.value == "function"
        )
        return isinstance(autouse, ast.Constant) and autouse.value is True and is_function
    return False


def _line(node: ast.AST) -> int:
    return int(getattr(node, "lineno", 0))


def _targets(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.Assign):
        out: list[ast.AST] = []
        for target in node.targets:
            out += list(target.elts) if isinstance(target, (ast.Tuple, ast.List)) else [target]
        return out
    if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        return [node.target]
    if isinstance(node, ast.Delete):
        return list(node.targets)
    return []


def _is_local(target: ast.AST, local: set[str]) -> bool:
    root = _root(target)
    return isinstance(root, ast.Name) and root.id in local


def _setup_reasons(func: ast.FunctionDef) -> tuple[list[str], list[str]]:
    """Reasons from the fixture's own body, and the attributes it sets."""
    reasons: list[str] = []
    made: list[str] = []
    local: set[str] = {a.arg for a in func.args.args}
    args = [a.arg for a in func.args.args]
    if args != ["self"] or func.args.vararg or func.args.kwarg or func.args.kwonlyargs:
        reasons.append(f"requests other fixtures ({', '.join(args[1:]) or '*args'})")
    for node in ast.walk(func):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            reasons.append(f"line {_line(node)}: declares {', '.join(node.names)} global")
        for target in _targets(node):
            name = _self_attribute(target)
            if isinstance(target, ast.Attribute) and name == target.attr:
                made.append(name)
            elif isinstance(target, ast.Name):
                local.add(target.id)
            elif name is None and not _is_local(target, local):
                where = f"line {_line(node)}: writes {ast.unparse(target)}"
                reasons.append(f"{where} (outside the instance)")
        if isinstance(node, ast.Call):
            reasons += _call_reasons(node)
    made = list(dict.fromkeys(made))
    reasons += _self_uses(func, made)
    return list(dict.fromkeys(reasons)), made


def _self_uses(func: ast.FunctionDef, made: list[str]) -> list[str]:
    """Every ``self`` must be ``self.<attribute the setup makes>``: then it can become
    ``request.cls`` exactly."""
    reasons = []
    parents = {id(child): node for node in ast.walk(func) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(func):
        if not (isinstance(node, ast.Name) and node.id == "self"):
            continue
        parent = parents.get(id(node))
        if not isinstance(parent, ast.Attribute):
            reasons.append(f"line {node.lineno}: passes self itself along (it would be the class)")
        elif parent.attr not in made:
            reasons.append(f"line {node.lineno}: uses self.{parent.attr}, which it does not make")
    return reasons


def _call_reasons(node: ast.Call) -> list[str]:
    name = _dotted(node.func)
    if (
        name
        and not name.startswith(SAFE_PREFIXES)
        and any(name == p.rstrip(".") or name.startswith(p) for p in PROCESS_CALLS)
    ):
        return [f"line {node.lineno}: calls {name}() (process-wide state or files)"]
    if isinstance(node.func, ast.Attribute) and node.func.attr in FILE_METHODS:
        return [f"line {node.lineno}: calls .{node.func.attr}() (files a test could change)"]
    return []


def _rebinds(method: ast.FunctionDef, made: list[str]) -> list[str]:
    reasons = []
    for node in ast.walk(method):
        for target in _targets(node):
            name = _self_attribute(target)
            if name in made:
                verb = "deletes" if isinstance(node, ast.Delete) else "assigns"
                reasons.append(f"{method.name} (line {_line(node)}) {verb} {ast.unparse(target)}")
        called = _dotted(node.func) if isinstance(node, ast.Call) else ""
        if called in ("setattr", "delattr", "vars") and _first_is_self(node):
            reasons.append(f"{method.name} (line {_line(node)}) calls {called}(self)")
        if isinstance(node, ast.Attribute) and node.attr == "__dict__" and _is_self(node.value):
            reasons.append(f"{method.name} (line {node.lineno}) reads self.__dict__")
    return reasons


def _is_self(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _first_is_self(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and bool(node.args) and _is_self(node.args[0])


def _find_class(tree: ast.Module, path: list[str]) -> ast.ClassDef | None:
    body: list[ast.stmt] = tree.body
    found: ast.ClassDef | None = None
    for name in path:
        found = next((n for n in body if isinstance(n, ast.ClassDef) and n.name == name), None)
        if found is None:
            return None
        body = found.body
    return found


def _subclasses(tree: ast.Module, name: str) -> list[ast.ClassDef]:
    """Classes of the module deriving (transitively, by name) from ``name``."""
    classes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    names, out = {name}, []
    changed = True
    while changed:
        changed = False
        for cls in classes:
            bases = {_dotted(b).split(".")[-1] for b in cls.bases}
            if cls.name not in names and bases & names:
                names.add(cls.name)
                out.append(cls)
                changed = True
    return out


def analyse(source: str, class_path: list[str], fixture: str) -> StaticVerdict:
    """The verdict on fixture method ``fixture`` of the class at ``class_path``."""
    tree = ast.parse(source)
    cls = _find_class(tree, class_path)
    if cls is None:
        return StaticVerdict([f"class {'.'.join(class_path)} not found at top level"])
    func = next((n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == fixture), None)
    if func is None:
        return StaticVerdict(
            [
                f"{fixture} is inherited from a base class: widening it would change every"
                " subclass's tests at once (not proposed)"
            ]
        )
    if not _is_autouse_function_fixture(func):
        return StaticVerdict(["not an autouse function-scoped fixture (not from a setUp)"])
    reasons, made = _setup_reasons(func)
    if not made:
        reasons.append("makes no instance attribute: nothing to share")
    for owner in [cls, *_subclasses(tree, cls.name)]:
        for method in owner.body:
            if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and method is not func:
                reasons += _rebinds(method, made)  # type: ignore[arg-type]
    return StaticVerdict(list(dict.fromkeys(reasons)), made)
