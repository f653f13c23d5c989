"""Temporary paths and parallel hazards in setup code, read from ``ast``.

What it does: in a setup body, finds the statements ``T = tempfile.mkdtemp(...)`` and
``T = "/tmp/name"`` (or ``os.path.join(tempfile.gettempdir(), "name")``) whose target ``T`` is
an attribute of ``self``/``cls`` or a module global, the matching removals
(``shutil.rmtree(T)`` in the teardown, ``addCleanup(shutil.rmtree, T)`` in the setup), and
what two xdist workers could collide on: fixed temporary paths, files written in the working
directory, fixed ports, environment writes in module setups.
Why: pytest-xdist runs every worker as its own process at the same time; a class or module
setup runs once per worker. A fixed path is shared by all of them.
Example: ``self.tmp = tempfile.mkdtemp()`` is a ``TempSite(target="self.tmp", kind="mkdtemp")``.
Refuses when: never; unprovable sites become hazards (MF2xx) in the report.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from transforms.astutil import dotted, qualify, walk_all, walk_same_scope
from transforms.loggers import local_loggers, names_a_logger

TMP_PREFIX = "/tmp/"


@dataclass(frozen=True)
class TempSite:
    """One rewritable assignment of a temporary path in a setup."""

    line: int
    target: str
    # "mkdtemp" (a fresh directory as a ``str``), "fixed" (a literal path under /tmp) or
    # "relative" (a file name in the working directory that the setup writes)
    kind: str
    # The literal path or file name ("fixed", "relative"); "" for "mkdtemp".
    literal: str
    # ``ast.unparse`` of the assigned value: the rewrite checks it sees the same code.
    source: str
    # The value came from ``enterContext(TemporaryDirectory())``: a cleanup call goes with it.
    entered: bool = False
    # The value is a module constant (``self.db = DB_PATH``) holding the literal.
    constant: str | None = None


# Where each maker of temporary files takes ``dir`` positionally.
DIR_POSITION = {
    "tempfile.mkdtemp": 2,
    "tempfile.mkstemp": 2,
    "tempfile.TemporaryDirectory": 2,
    "tempfile.NamedTemporaryFile": 6,
}


@dataclass(frozen=True)
class DirSite:
    """A call of a ``tempfile`` maker in a setup that gets pytest's directory as ``dir=``.

    Everything else about the call is kept: the same type of object, a random name, the
    same flags and mode, the user's own cleanup; only the place moves under ``tmp_path``.
    """

    line: int
    # ``ast.unparse`` of the call: the rewrite finds the same calls by it.
    source: str
    # A readable name for ``tmp_path_factory.mktemp`` (from a literal prefix, or "tmp").
    label: str


@dataclass(frozen=True)
class Removal:
    """A whole statement that removes ``target``: ``shutil.rmtree(T)`` or its addCleanup."""

    target: str
    via_cleanup: bool
    source: str


@dataclass(frozen=True)
class Hazard:
    """Something parallel workers could both touch, found in a setup."""

    code: str
    line: int
    message: str


def fixed_literal(node: ast.expr, aliases: Mapping[str, str]) -> str | None:
    """``"/tmp/name"`` or ``os.path.join(tempfile.gettempdir(), "name")``: the path."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if node.value.startswith(TMP_PREFIX) else None
    if not isinstance(node, ast.Call) or qualify(node.func, aliases) != "os.path.join":
        return None
    if len(node.args) != 2 or node.keywords:
        return None
    first, second = node.args
    is_tmp = isinstance(first, ast.Call) and qualify(first.func, aliases) == "tempfile.gettempdir"
    if is_tmp and isinstance(second, ast.Constant) and isinstance(second.value, str):
        return TMP_PREFIX + second.value
    return None


def _entered_tempdir(node: ast.expr, first: str | None, aliases: Mapping[str, str]) -> ast.expr:
    """``self.enterContext(tempfile.TemporaryDirectory(...))`` -> the inner call.

    Entering a ``TemporaryDirectory`` gives its name, a fresh directory removed at cleanup
    time: the same value and life as ``mkdtemp()`` plus ``addCleanup(shutil.rmtree, ...)``.
    """
    if not (isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords):
        return node
    enter = qualify(node.func, aliases)
    inner = node.args[0]
    entering = enter in (f"{first}.enterContext", f"{first}.enterClassContext")
    if entering and isinstance(inner, ast.Call):
        is_tempdir = qualify(inner.func, aliases) == "tempfile.TemporaryDirectory"
        return inner if is_tempdir else node
    return node


def _bare_maker(node: ast.expr, aliases: Mapping[str, str]) -> bool:
    """``tempfile.mkdtemp()`` (or an entered ``TemporaryDirectory()``) without arguments.

    With ``prefix``/``suffix`` the directory's name says something a test may check
    (``startswith("archive-")``), which ``tmp_path``'s own name would not keep: such calls
    get ``dir=`` instead and keep their names. ``dir=`` chooses a file system: kept.
    """
    makers = ("tempfile.mkdtemp", "tempfile.TemporaryDirectory")
    return (
        isinstance(node, ast.Call)
        and qualify(node.func, aliases) in makers
        and not node.args
        and not node.keywords
    )


def temp_sites(
    body: list[ast.stmt],
    first_param: str | None,
    aliases: Mapping[str, str],
    constants: Mapping[str, Constant] | None = None,
) -> tuple[tuple[TempSite, ...], tuple[DirSite, ...]]:
    """The path assignments that become ``str(...)`` of a pytest directory, and every other
    ``tempfile`` maker call of the body that gets ``dir=`` instead."""
    sites: list[TempSite] = []
    dirs: list[DirSite] = []
    for stmt in body:
        site = _path_site(stmt, first_param, aliases) or _constant_site(stmt, constants or {})
        if site is not None:
            sites.append(site)
        else:
            dirs.extend(_dir_sites(stmt, aliases))
    if any(s.kind == "relative" for s in sites):
        written = _written_names(body, aliases)
        sites = [s for s in sites if s.kind != "relative" or s.target in written]
    return tuple(sites), tuple(dirs)


def relative_name(node: ast.expr) -> str | None:
    """A plain file name such as ``"data.db"``: a path relative to the working directory."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return None
    name = node.value
    if name in ("", ".", "..") or not RELATIVE_NAME.match(name):
        return None
    return name


REMOVERS = frozenset({"os.remove", "os.unlink", "shutil.rmtree", "os.rmdir"})
RELATIVE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.[A-Za-z0-9]+$")


def _written_names(body: list[ast.stmt], aliases: Mapping[str, str]) -> set[str]:
    """Dotted names the body opens for writing (``open(T, "w")``) or as a database."""
    found = {_written_name(node, aliases) for node in walk_same_scope(body)}
    return {name for name in found if name}


def _written_name(node: ast.AST, aliases: Mapping[str, str]) -> str | None:
    """``T`` of ``open(T, "w")``, ``os.open(T, os.O_CREAT | ...)`` or ``sqlite3.connect(T)``."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func = qualify(node.func, aliases)
    writes = (func == "open" and _write_mode(node)) or (func == "os.open" and _write_flags(node))
    return dotted(node.args[0]) if writes or func == "sqlite3.connect" else None


WRITE_FLAGS = frozenset({"O_CREAT", "O_WRONLY", "O_RDWR", "O_APPEND", "O_TRUNC"})


def _write_flags(call: ast.Call) -> bool:
    """``os.open(path, os.O_CREAT | ...)``: flags that create or write."""
    if len(call.args) < 2:
        return False
    return any(
        (isinstance(n, ast.Attribute) and n.attr in WRITE_FLAGS)
        or (isinstance(n, ast.Name) and n.id in WRITE_FLAGS)
        for n in ast.walk(call.args[1])
    )


def _path_site(
    stmt: ast.stmt, first_param: str | None, aliases: Mapping[str, str]
) -> TempSite | None:
    """``T = tempfile.mkdtemp()`` (or an entered ``TemporaryDirectory``) or ``T = "/tmp/x"``."""
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
        return None
    target = dotted(stmt.targets[0])
    owner = target.split(".")[0] if target else None
    if target is None or (owner != first_param and "." in target) or target.count(".") > 1:
        return None
    inner = _entered_tempdir(stmt.value, first_param, aliases)
    entered = inner is not stmt.value
    # A TemporaryDirectory() that is not entered is an object, not a path.
    is_path = entered or qualify(getattr(inner, "func", inner), aliases) == "tempfile.mkdtemp"
    if is_path and _bare_maker(inner, aliases):
        source = ast.unparse(stmt.value)
        return TempSite(stmt.lineno, target, "mkdtemp", "", source, entered)
    literal = fixed_literal(stmt.value, aliases)
    if literal is not None and "/" not in literal[len(TMP_PREFIX) :] and literal != TMP_PREFIX:
        return TempSite(stmt.lineno, target, "fixed", literal, ast.unparse(stmt.value))
    name = relative_name(stmt.value)
    if name is not None:
        return TempSite(stmt.lineno, target, "relative", name, ast.unparse(stmt.value))
    return None


def _constant_site(stmt: ast.stmt, constants: Mapping[str, Constant]) -> TempSite | None:
    """``self.db = DB_PATH`` where the module constant holds a fixed temporary path or a
    plain file name: the same site as the literal itself, if nothing else reads the constant
    (the plan checks)."""
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
        return None
    target = dotted(stmt.targets[0])
    value = stmt.value
    if target is None or "." not in target or not isinstance(value, ast.Name):
        return None
    constant = constants.get(value.id)
    if constant is None or constant.kind not in ("fixed", "relative"):
        return None
    literal = constant.value
    if constant.kind == "fixed" and ("/" in literal[len(TMP_PREFIX) :] or literal == TMP_PREFIX):
        return None
    source = ast.unparse(value)
    return TempSite(stmt.lineno, target, constant.kind, literal, source, constant=value.id)


def _dir_sites(stmt: ast.stmt, aliases: Mapping[str, str]) -> Iterator[DirSite]:
    """Maker calls in the statement (its own scope only) that do not choose ``dir``."""
    for node in walk_same_scope([stmt]):
        if not isinstance(node, ast.Call):
            continue
        position = DIR_POSITION.get(qualify(node.func, aliases) or "")
        if position is None or len(node.args) > position:
            continue
        if any(isinstance(a, ast.Starred) for a in node.args):
            continue
        if any(k.arg in (None, "dir") for k in node.keywords):
            continue  # dir= chooses a file system on purpose; **kwargs may hold it
        yield DirSite(node.lineno, ast.unparse(node), _label(stmt, node))


def _label(stmt: ast.stmt, call: ast.Call) -> str:
    """A readable directory name: the attribute the call's result goes to, else its prefix."""
    named = ""
    if isinstance(stmt, ast.Assign) and stmt.value is call and len(stmt.targets) == 1:
        target = stmt.targets[0]
        last = target.elts[-1] if isinstance(target, ast.Tuple) and target.elts else target
        named = (dotted(last) or "").rsplit(".", 1)[-1]
    prefix = next((k.value for k in call.keywords if k.arg == "prefix"), None)
    if not named and isinstance(prefix, ast.Constant) and isinstance(prefix.value, str):
        named = prefix.value
    return re.sub(r"\W", "_", named).strip("_") or "tmp"


def removals(
    body: list[ast.stmt], first_param: str | None, aliases: Mapping[str, str]
) -> tuple[Removal, ...]:
    """Whole statements ``shutil.rmtree(T)`` or ``first_param.addCleanup(shutil.rmtree, T)``."""
    found = []
    for stmt in body:
        if not isinstance(stmt, ast.Expr) or not isinstance(stmt.value, ast.Call):
            continue
        call = stmt.value
        func = qualify(call.func, aliases)
        args = list(call.args)
        via_cleanup = func in (f"{first_param}.addCleanup", f"{first_param}.addClassCleanup")
        if via_cleanup and args and qualify(args[0], aliases) == "shutil.rmtree":
            args = args[1:]
        elif func != "shutil.rmtree":
            continue
        target = dotted(args[0]) if len(args) == 1 else None
        if target and _quiet(call.keywords):
            found.append(Removal(target, via_cleanup, ast.unparse(stmt)))
    return tuple(found)


def _quiet(keywords: list[ast.keyword]) -> bool:
    return all(
        k.arg == "ignore_errors" and isinstance(k.value, ast.Constant) and k.value.value is True
        for k in keywords
    )


def file_literals(source: str) -> dict[str, int]:
    """How often each quoted plain file name (``"data.db"``) occurs in the source text.

    Counted on the text, not the tree: a name in a comment or a docstring counts too, which
    only makes the plan more careful.
    """
    counts: dict[str, int] = {}
    for match in QUOTED_NAME.finditer(source):
        counts[match.group(2)] = counts.get(match.group(2), 0) + 1
    return counts


QUOTED_NAME = re.compile(r"""(["'])([A-Za-z0-9_][A-Za-z0-9_.-]*\.[A-Za-z0-9]+)\1""")


def tmp_literals(tree: ast.Module, aliases: Mapping[str, str]) -> dict[str, int]:
    """How often each fixed temporary path is written in the module (any expression)."""
    counts: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.expr) and not isinstance(node, ast.Name):
            literal = fixed_literal(node, aliases)
            if literal is not None:
                counts[literal] = counts.get(literal, 0) + 1
    return counts


@dataclass(frozen=True)
class Constant:
    """A module-level ``NAME = value`` a setup may use: a fixed path, a file name, a port."""

    name: str
    line: int
    # "fixed" (under /tmp), "relative" (a plain file name), "joined" (a relative path with
    # folders, ``os.path.join("xx", "LC_MESSAGES")``: reported when written, never moved) or
    # "port"
    kind: str
    value: str


PORT_NAME = re.compile(r"(^|_)ports?(_|$)")


def module_constants(tree: ast.Module, aliases: Mapping[str, str]) -> dict[str, Constant]:
    found: dict[str, Constant] = {}
    for stmt in tree.body:
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
            continue
        target = stmt.targets[0]
        if not isinstance(target, ast.Name):
            continue
        literal = fixed_literal(stmt.value, aliases)
        name = relative_name(stmt.value)
        joined = _joined_relative(stmt.value, aliases, found)
        if literal is not None:
            found[target.id] = Constant(target.id, stmt.lineno, "fixed", literal)
        elif name is not None:
            found[target.id] = Constant(target.id, stmt.lineno, "relative", name)
        elif joined is not None:
            found[target.id] = Constant(target.id, stmt.lineno, "joined", joined)
        elif _is_port(target.id, stmt.value):
            found[target.id] = Constant(target.id, stmt.lineno, "port", ast.unparse(stmt.value))
    return found


PATH_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


def _joined_relative(
    value: ast.expr, aliases: Mapping[str, str], constants: Mapping[str, Constant]
) -> str | None:
    """``os.path.join("xx", "LC_MESSAGES")`` or ``os.path.join(LOCALEDIR, "gettext.mo")``
    (a constant found before it): a path relative to the working directory, "/"-joined; None
    for anything else."""
    if not isinstance(value, ast.Call) or qualify(value.func, aliases) != "os.path.join":
        return None
    if len(value.args) < 2 or value.keywords:
        return None
    parts: list[str] = []
    for arg in value.args:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            if not PATH_PART.match(arg.value) or arg.value in (".", ".."):
                return None
            parts.append(arg.value)
        elif isinstance(arg, ast.Name) and arg.id in constants:
            known = constants[arg.id]
            if known.kind not in ("relative", "joined"):
                return None
            parts.append(known.value)
        else:
            return None
    return "/".join(parts)


def _is_port(name: str, value: ast.expr) -> bool:
    """``PORT = 8080``, ``self.server_port = 5000``: a fixed port (0 asks for a free one)."""
    return (
        isinstance(value, ast.Constant)
        and type(value.value) is int
        and 0 < value.value < 65536
        and PORT_NAME.search(name.lower()) is not None
    )


def hazards(
    body: list[ast.stmt],
    aliases: Mapping[str, str],
    constants: Mapping[str, Constant] | None = None,
) -> Iterator[Hazard]:
    """Every parallel hazard in a setup body (nested blocks included), in one walk."""
    written: set[str] = set()
    first_use: dict[str, int] = {}
    for node in walk_all(body):
        yield from _node_hazards(node, aliases)
        if isinstance(node, ast.Name) and constants and node.id in constants:
            first_use.setdefault(node.id, node.lineno)
        name = _written_name(node, aliases)
        if name:
            written.add(name)
    yield from _constant_hazards(first_use, written, constants or {})
    # ``self.path = "out.txt"`` then ``open(self.path, "w")``: reported where the name is fixed
    # (the line a rewrite replaces).
    for stmt in body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, name = dotted(stmt.targets[0]), relative_name(stmt.value)
            if target and name and target in written:
                message = f"file {name!r} written in the working directory, shared by all workers"
                yield Hazard("MF202", stmt.lineno, message)


def _constant_hazards(
    first_use: Mapping[str, int], written: set[str], constants: Mapping[str, Constant]
) -> Iterator[Hazard]:
    """Module constants a body uses: a fixed path (any use), a file name it writes, a port."""
    for name, line in sorted(first_use.items(), key=lambda item: item[1]):
        constant = constants[name]
        value = constant.value if constant.kind == "port" else repr(constant.value)
        shown = f"{value} (module constant {name}, line {constant.line})"
        if constant.kind == "fixed":
            yield Hazard("MF201", line, f"fixed temporary path {shown} is shared by all workers")
        elif constant.kind in ("relative", "joined") and name in written:
            yield Hazard(
                "MF202",
                line,
                f"file {shown} written in the working directory, shared by all workers",
            )
        elif constant.kind == "port":
            yield Hazard("MF203", line, f"fixed port {shown}: every worker binds the same one")


def _node_hazards(node: ast.AST, aliases: Mapping[str, str]) -> Iterator[Hazard]:
    if isinstance(node, ast.expr) and not isinstance(node, ast.Name):
        literal = fixed_literal(node, aliases)
        if literal is not None:
            yield Hazard(
                "MF201", node.lineno, f"fixed temporary path {literal!r} is shared by all workers"
            )
    if isinstance(node, ast.Call):
        yield from _call_hazards(node, qualify(node.func, aliases))
    if isinstance(node, ast.keyword) and node.arg and _is_port(node.arg, node.value):
        shown = f"{node.arg}={ast.unparse(node.value)}"
        yield Hazard("MF203", node.value.lineno, f"fixed port {shown}: every worker binds it")
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = (dotted(node.targets[0]) or "").rsplit(".", 1)[-1]
        if target and _is_port(target, node.value):
            shown = f"{target} = {ast.unparse(node.value)}"
            yield Hazard("MF203", node.lineno, f"fixed port {shown}: every worker binds it")
    if isinstance(node, ast.Tuple) and len(node.elts) == 2:
        host, port = node.elts
        if (
            isinstance(host, ast.Constant)
            and host.value in ("localhost", "127.0.0.1", "", "0.0.0.0", "::1")
            and isinstance(port, ast.Constant)
            and isinstance(port.value, int)
            and port.value > 0
        ):
            yield Hazard(
                "MF203", node.lineno, f"fixed port {port.value}: every worker binds the same one"
            )
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.ctx, ast.Store)
        and qualify(node.value, aliases) == "os.environ"
    ):
        yield Hazard(
            "MF204",
            node.lineno,
            "os.environ written in a setup and not put back exactly as monkeypatch.setenv would"
            " (saved first, restored at the end of tearDown): left as it is",
        )


def _call_hazards(node: ast.Call, func: str | None) -> Iterator[Hazard]:
    if func == "open" and _writes_relative(node):
        yield Hazard(
            "MF202", node.lineno, "file written in the working directory, shared by all workers"
        )
    removed = relative_name(node.args[0]) if func in REMOVERS and node.args else None
    if removed is not None:
        # Removed by a plain name: something of the test wrote it in the working directory.
        message = f"file {removed!r} removed from the working directory, shared by all workers"
        yield Hazard("MF202", node.lineno, message)
    if func in ("os.putenv", "os.environ.update", "os.environ.setdefault"):
        yield Hazard("MF204", node.lineno, f"{func} in a setup changes process-wide state")


def _writes_relative(call: ast.Call) -> bool:
    if not call.args or not isinstance(call.args[0], ast.Constant):
        return False
    path = call.args[0].value
    if not isinstance(path, str) or path.startswith("/"):
        return False
    return _write_mode(call)


def _write_mode(call: ast.Call) -> bool:
    """``open(..., mode)`` with a literal mode that writes."""
    mode = (
        call.args[1]
        if len(call.args) > 1
        else next((k.value for k in call.keywords if k.arg == "mode"), None)
    )
    return (
        isinstance(mode, ast.Constant)
        and isinstance(mode.value, str)
        and any(c in mode.value for c in "wax+")
    )


@dataclass(frozen=True)
class ChdirSite:
    """``self.old = os.getcwd(); os.chdir(X)`` in a setup, or ``os.chdir(self.old)`` at the
    end of a teardown: the pair ``monkeypatch.chdir(X)`` replaces."""

    saved: str
    # ast.unparse of the ``os.chdir(...)`` statement (the one to rewrite or to drop).
    source: str
    # How many ``os.chdir`` calls the body makes in all (the pattern needs exactly one).
    calls: int


def chdir_calls(body: list[ast.stmt], aliases: Mapping[str, str]) -> int:
    return sum(
        1
        for node in walk_all(body)
        if isinstance(node, ast.Call) and qualify(node.func, aliases) == "os.chdir"
    )


def is_chdir(stmt: ast.stmt, aliases: Mapping[str, str]) -> ast.Call | None:
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        if qualify(call.func, aliases) == "os.chdir" and len(call.args) == 1 and not call.keywords:
            return call
    return None


def chdir_setup(
    body: list[ast.stmt], first: str | None, aliases: Mapping[str, str]
) -> ChdirSite | None:
    """``first.x = os.getcwd()`` immediately followed by ``os.chdir(...)``."""
    for save, change in itertools.pairwise(body):
        if not (isinstance(save, ast.Assign) and len(save.targets) == 1):
            continue
        saved = dotted(save.targets[0])
        gets_cwd = (
            isinstance(save.value, ast.Call) and qualify(save.value.func, aliases) == "os.getcwd"
        )
        if (
            saved
            and first
            and saved.startswith(f"{first}.")
            and gets_cwd
            and is_chdir(change, aliases)
        ):
            return ChdirSite(saved, ast.unparse(change), chdir_calls(body, aliases))
    return None


# Calls that change process-wide state, by the group a restore would mention.
STATE_CALLS = {
    "sys.path.insert": "sys.path",
    "sys.path.append": "sys.path",
    "sys.path.extend": "sys.path",
    "sys.setrecursionlimit": "sys.setrecursionlimit",
    "sys.setswitchinterval": "sys.setswitchinterval",
    "sys.settrace": "sys.settrace",
    "sys.setprofile": "sys.setprofile",
    "threading.settrace": "threading.settrace",
    "threading.setprofile": "threading.setprofile",
    "socket.setdefaulttimeout": "socket.setdefaulttimeout",
    "os.umask": "os.umask",
    "os.chdir": "os.chdir",
    "locale.setlocale": "locale.setlocale",
    "signal.signal": "signal.signal",
    "gc.disable": "gc",
    "asyncio.set_event_loop_policy": "asyncio.set_event_loop_policy",
    "asyncio.set_event_loop": "asyncio.set_event_loop",
}


def state_writes(
    body: list[ast.stmt], aliases: Mapping[str, str]
) -> tuple[tuple[str, int, bool], ...]:
    """Process-wide state the body changes, as (group, line, is an attribute of an object):
    the calls of ``STATE_CALLS`` and stores into imported names (``mod.attr = v``,
    ``sys.modules[k] = m``).

    ``os.environ`` is left to MF204. Names bound by imports are shared by every test of the
    process; ``self``/``cls`` attributes and module globals are not.
    """
    found: list[tuple[str, int, bool]] = []
    for node in walk_same_scope(body):
        if isinstance(node, ast.Call):
            group = STATE_CALLS.get(qualify(node.func, aliases) or "")
            if group and not (group == "locale.setlocale" and len(node.args) < 2):
                found.append((group, node.lineno, False))  # setlocale(cat) only asks
            continue
        # Deleting (``del sys.last_traceback``) clears stale state rather than leaving some.
        if not isinstance(node, (ast.Attribute, ast.Subscript)) or not isinstance(
            node.ctx, ast.Store
        ):
            continue
        owner = node if isinstance(node, ast.Attribute) else node.value
        name = dotted(owner)
        if name is None or name.split(".")[0] not in aliases:
            continue
        group = qualify(owner, aliases) or name
        if "." in group and not group.startswith("os.environ"):
            found.append((group, node.lineno, isinstance(node, ast.Attribute)))
    return tuple(found)


def mentions(body: list[ast.stmt], aliases: Mapping[str, str]) -> frozenset[str]:
    """Every qualified dotted name the body reads or writes (prefixes included)."""
    found = set()
    for node in walk_same_scope(body):
        if isinstance(node, (ast.Attribute, ast.Name)):
            name = qualify(node, aliases)
            if name:
                found.add(name)
    return frozenset(found)


CLEANUP_REGISTRARS = frozenset(
    {
        "addCleanup",
        "addClassCleanup",
        "addModuleCleanup",
        "enterContext",
        "enterClassContext",
        "enterModuleContext",
        # contextlib.ExitStack, where migrated fixtures keep their cleanups
        "callback",
        "enter_context",
    }
)


def cleanup_mentions(body: list[ast.stmt], aliases: Mapping[str, str]) -> frozenset[str]:
    """The qualified names mentioned by the arguments of cleanup registrations."""
    found: set[str] = set()
    for node in ast.walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(node, ast.Call):
            func = dotted(node.func) or ""
            if func.rsplit(".", 1)[-1] in CLEANUP_REGISTRARS:
                args = [ast.Expr(a) for a in (*node.args, *(k.value for k in node.keywords))]
                found |= mentions(list(args), aliases)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found |= mentions(node.body, aliases)  # a helper the cleanups call
        elif isinstance(node, ast.Try):
            found |= mentions(node.finalbody, aliases)  # put back before the setup ends
    return frozenset(found)


def restored(group: str, attribute: bool, mentioned: frozenset[str]) -> bool:
    """Whether a restore plausibly puts ``group`` back: it names the group or something
    under it, or, for an attribute, the object (``setattr(mod, "x", old)``)."""
    if not attribute:
        # A call group: ``asyncio.set_event_loop_policy`` also puts the loop back.
        return any(m.startswith(group) for m in mentioned)
    owner = group.rsplit(".", 1)[0]
    return any(m in (group, owner) or m.startswith(f"{group}.") for m in mentioned)


# What pytest sets up afresh for each phase of a test (setup, call, teardown): root logging
# handlers (log capture) and ``sys.stdout``/``sys.stderr`` (capture is resumed per phase).
# unittest's setUp ran in the call phase; a function-scoped fixture runs in the setup phase,
# so a setUp that changes this state would see its change undone before the test body runs.
# Warnings filters are not per phase: pytest's ``catch_warnings`` wraps the whole test
# protocol (setup, call and teardown together), so a filter set in a fixture is still in
# force in the test body (corpus case ``warnings_filter_in_setup`` runs it both ways).
PHASE_CALLS = frozenset(
    {
        "logging.basicConfig",
        "logging.disable",
        "logging.captureWarnings",
        "contextlib.redirect_stdout",
        "contextlib.redirect_stderr",
    }
)
PHASE_ATTRS = frozenset({"handlers", "addHandler", "removeHandler"})
PHASE_NAMES = frozenset({"logging.root"})
# Reading the standard streams is the same in both phases (in a TestCase, sys.stdout is
# pytest's global capture in each; output only lands in the setup section of the report);
# replacing one is not, since pytest puts them back between phases.
STREAMS = frozenset({"sys.stdout", "sys.stderr", "sys.stdin"})
STREAM_SUFFIXES = tuple(f".{name}" for name in STREAMS)


def _module_attribute(node: ast.Attribute, aliases: Mapping[str, str]) -> bool:
    """``jsonpickle.handlers``: an attribute of a module imported whole (``import x``), not
    of a logger (``logging.root.handlers``, ``logger.handlers``)."""
    value = node.value
    return (
        isinstance(value, ast.Name) and aliases.get(value.id) == value.id and value.id != "logging"
    )


def phase_state_line(body: list[ast.stmt], aliases: Mapping[str, str]) -> int | None:
    """Line of the first use of per-phase state (see ``PHASE_CALLS``), or None. Handlers
    of a logger that is surely not the root logger are not (``transforms.loggers``); those
    of a module-level name the body does not bind are left to ``logger_uses``."""
    local = local_loggers(body, aliases) if _mentions_handlers(body) else (frozenset(),) * 2
    for node in walk_all(body):
        if isinstance(node, ast.Attribute):
            name = qualify(node, aliases)
            handlers = node.attr in PHASE_ATTRS and not _module_attribute(node, aliases)
            if handlers and _logger_receiver(node.value, aliases, local) != "root?":
                continue
            if handlers or name in PHASE_NAMES or name in PHASE_CALLS:
                return node.lineno
            if _stream(name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                return node.lineno
        elif isinstance(node, ast.Call) and _sets_stream(node, aliases):
            return node.lineno
    return None


def logger_uses(body: list[ast.stmt], aliases: Mapping[str, str]) -> tuple[tuple[int, str], ...]:
    """(line, name as qualified) of each handler change on a module-level name the body
    does not bind (``logger.addHandler(h)`` with ``from distlib import logger``): per-phase
    state unless that name is a named logger, which only the complete index tells
    (``loggers.settle``)."""
    if not _mentions_handlers(body):
        return ()
    local = local_loggers(body, aliases)
    out: list[tuple[int, str]] = []
    for node in walk_all(body):
        if not (isinstance(node, ast.Attribute) and node.attr in PHASE_ATTRS):
            continue
        if _module_attribute(node, aliases):
            continue
        if _logger_receiver(node.value, aliases, local) == "global":
            out.append((node.lineno, qualify(node.value, aliases) or "?"))
    return tuple(out)


def _mentions_handlers(body: list[ast.stmt]) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr in PHASE_ATTRS for n in walk_all(body))


def _logger_receiver(
    node: ast.expr, aliases: Mapping[str, str], local: tuple[frozenset[str], frozenset[str]]
) -> str:
    """ "named" (surely not the root logger), "global" (a module-level name: the complete
    index decides) or "root?" (may be the root logger). ``local``: ``local_loggers``."""
    if names_a_logger(node, aliases):
        return "named"
    name = dotted(node)
    if name is None or qualify(node, aliases) in PHASE_NAMES:
        return "root?"
    named, other = local
    if name in named:
        return "named"
    head = name.split(".")[0]
    if head in other or any(o.split(".")[0] == head for o in other):
        return "root?"
    if isinstance(node, ast.Name) or aliases.get(head) is not None:
        return "global"
    return "root?"


def _stream(name: str | None) -> bool:
    """``sys.stdout``, also reached through another module (``config.sys.stdout``)."""
    return name is not None and (name in STREAMS or name.endswith(STREAM_SUFFIXES))


def _sets_stream(call: ast.Call, aliases: Mapping[str, str]) -> bool:
    """``setattr(sys, "stdout", ...)`` (or ``setattr(config.sys, ...)``)."""
    if qualify(call.func, aliases) != "setattr" or len(call.args) < 2:
        return False
    owner, attr = call.args[0], call.args[1]
    if not (isinstance(attr, ast.Constant) and isinstance(attr.value, str)):
        return False
    return _stream(f"{qualify(owner, aliases) or dotted(owner) or '?'}.{attr.value}")
