"""Where a class's lifecycle methods are read outside its own lifecycle (MF110).

What it does: finds every reference to ``setUp``/``tearDown``-like names in the run (in the
class, its subclasses, the classes that share a test class's MRO, and every module), decides
which of them name this class's methods, and which are calls the calls style can point at a
helper (``super().setUp()`` in a test method: ``call_site_target``).
Why: a lifecycle method that becomes a fixture no longer exists under its name; any code
that reads it would run something else, so such a class is refused unless the read is a
plain call statement the rewrite retargets.
Example: ``again = self.setUp`` in a test refuses the class (MF110); ``super().setUp()`` in
a test method calls the helper that replaced the parent's setUp.
Refuses when: a reference names the class's lifecycle (MF110).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from transforms.calls_plan import CallsModel
from transforms.chain_plan import ChainPlanner
from transforms.codes import Code
from transforms.hierarchy import LEVELS
from transforms.index import ModuleInfo, Reference
from transforms.kept_plan import LEVEL
from transforms.plan_types import LevelPlan
from transforms.refused import Refused


class ReferencePlanner(ChainPlanner):
    """The reference checks and call-site targets of the planner."""

    planned: dict[tuple[str, str], LevelPlan]
    calls: CallsModel
    calls_style: set[tuple[str, str]]
    liftable: set[tuple[str, str]]
    _references: list[tuple[ModuleInfo, Reference]] | None
    _reachable: dict[tuple[str, str], frozenset[str]]

    def _check_references(self, qualname: str, level: str) -> None:
        """A lifecycle method that is read anywhere else must stay a method (MF110).

        A reference in the class, a subclass or any class of a test class's MRO that runs
        it (a mixin's ``super().setUp()``), or one that resolves to the hierarchy from
        anywhere in the run, refuses; an unresolved ``x.setUp()`` (an object the model
        cannot name) refuses every class it can reach (``_reachable_from``). A name that
        resolves outside the run's classes (``testing.setUp()``, a function of another
        module) is not a reference.
        """
        names = LEVELS[level]
        related = {qualname, *self.descendants(qualname)}
        # The other classes of a test class's MRO run their methods on the test too: their
        # ``super().setUp()`` or ``self.setUp()`` (``Reference.via``) may reach here.
        lineage = {k for u in self.users(qualname) for k in self.mro(u) if k in self.classes}
        home = self.classes[qualname].module
        line = self.classes[qualname].line
        for other in sorted(related | lineage):
            for ref in self.classes[other].references:
                if (other not in related and ref.foreign) or ref.parent_call:
                    # A parent call names its class, and so does a reference on another
                    # object: both are checked below by their target. One on ``self`` in
                    # a class of a test class's MRO, a call or not (ThreadableTest's
                    # ``self.setUp = self._setUp`` in ``__init__``), is the test's own.
                    continue
                if ref.attr in names and not self.refers_outside(ref.target):
                    if self._call_site_ok(qualname, level, other, ref):
                        continue
                    where = self.classes[other]
                    at = ref.line if other == qualname else line
                    message = f"{ref.attr} referenced at {where.path}:{ref.line}"
                    raise Refused(Code.REFERENCED, at, message)
        for module, ref in self._all_references():
            if ref.attr not in names or self.refers_outside(ref.target):
                continue
            target = self.known(ref.target)
            decorated = self._decorated_reach(module, ref) if target is None else None
            if decorated is not None:
                if qualname in decorated:
                    message = (
                        f"{ref.attr} referenced at {module.path}:{ref.line} (on the test of a"
                        f" method decorated with {ref.function}())"
                    )
                    raise Refused(Code.REFERENCED, line, message)
                continue
            unnamed = target is None and qualname in self._reachable_from(module, ref.function)
            if target in related or (target is None and module.module == home) or unnamed:
                message = f"{ref.attr} referenced at {module.path}:{ref.line}"
                if unnamed and module.module != home:
                    message += " (on an object of a class that module can reach)"
                raise Refused(Code.REFERENCED, line, message)

    def _decorated_reach(self, module: ModuleInfo, ref: Reference) -> frozenset[str] | None:
        """For a lifecycle call in the wrapper a module function returns as a method
        (``Reference.wrapped``): the classes whose lifecycle it can run, those of the MRO of
        every class with a method it decorates and of their subclasses. None when the
        function is read anywhere else than as a method decorator of a module-level class
        (``transforms.method_decorators``): then any object may get there."""
        if not ref.wrapped or ref.function is None:
            return None
        qualified = f"{module.module}.{ref.function}"
        decorated: set[str] = set()
        for other in {id(m): m for m in self.modules.values()}.values():
            local = {n for n, q in other.aliases.items() if q == qualified}
            if other is module:
                local.add(ref.function)
            uses = other.decorator_uses
            if any(other.name_uses.get(n, 0) != uses.as_decorator.get(n, 0) for n in local):
                return None
            if ref.function in other.attr_names:
                return None  # ``tests.retry(...)``: perhaps not a decorator
            decorated |= uses.decorated.get(qualified, frozenset())
        found: set[str] = set()
        for owner in decorated & set(self.classes):
            for user in (owner, *self.descendants(owner)):
                found.update(k for k in self.reach(user) if k in self.classes)
        return frozenset(found)

    def _reachable_from(self, module: ModuleInfo, function: str | None) -> frozenset[str]:
        """The classes whose lifecycle ``x.setUp()`` in ``module`` may run when ``x`` is an
        object the model cannot name: the reach of every class the module defines or
        imports (an object it made), and, for a call in a module-level function, of every
        class of the modules that import that function or the module (an object their
        code handed to it: ``@retry`` on a test method, ``reset(self)``)."""
        key = (module.module, function or "")
        found = self._reachable.get(key)
        if found is None:
            names = {module.module, *module.imported}
            if function is not None:
                wanted = {module.module, f"{module.module}.{function}"}
                names |= {m.module for m in self.modules.values() if wanted & m.imported}
            seen: set[str] = set()
            for qualname, info in self.classes.items():
                if qualname in names or info.module in names:
                    seen.update(k for k in self.reach(qualname) if k in self.classes)
            found = self._reachable[key] = frozenset(seen)
        return found

    def _call_site_ok(self, qualname: str, level: str, host: str, ref: Reference) -> bool:
        """Whether a reference is a call the calls style rewrites (``super().setUp()`` in a
        test): only there, and only when it reaches the same class from every test class
        that runs it, one written in calls style (or ``TestCase``'s own no-op)."""
        if ref.host is None or ref.via is None or level != "function":
            return False
        if not self.classes[host].module_level or host in self.ambiguous:
            return False  # the rewrite edits module-level classes, found by name
        # A setUp calling tearDown (or the reverse) keeps its statements as a helper only
        # in the calls style: its host must be written so too.
        hosts = [(host, level)] if ref.host in LEVELS[level] else []
        missing = [k for k in [(qualname, level), *hosts] if k not in self.calls_style]
        if missing:
            self.liftable.update(missing)
            return False
        reached, definer = self.call_site_target(host, ref.attr, ref.via)
        return reached and (definer is None or (definer, level) in self.calls_style)

    def call_site_target(self, host: str, method: str, via: str) -> tuple[bool, str | None]:
        """(whether every test class that runs ``host``'s methods agrees, the class whose
        ``method`` a ``super().method()`` ("super") or ``self.method()`` ("self") call in
        ``host`` reaches there, None for ``TestCase``)."""
        found: set[str | None] = set()
        for user in self.users(host):
            reach = self.reach(user)
            if host not in reach:
                continue
            start = reach.index(host) + 1 if via == "super" else 0
            found.add(next((k for k in reach[start:] if self.defines(k, (method,))), None))
        if len(found) != 1:
            return False, None
        return True, found.pop()

    def call_sites(self, module: ModuleInfo) -> tuple[tuple[str, str, str, str, str], ...]:
        """(class, method, "super" or "self", lifecycle method, helper) for each call of a
        lifecycle method from a method of the module's classes that reaches a class planned
        in calls style: the rewrite points it at that class's helper."""
        out: list[tuple[str, str, str, str, str]] = []
        for info in module.classes:
            if not info.module_level or info.qualname not in self.classes:
                continue
            for ref in info.references:
                if ref.host is None or ref.via is None or ref.attr not in LEVELS[LEVEL]:
                    continue
                reached, definer = self.call_site_target(info.qualname, ref.attr, ref.via)
                if not reached or definer is None:
                    continue  # TestCase's own no-op is still there
                plan = self.planned.get((definer, LEVEL))
                if plan is None or not plan.calls:
                    continue
                method = ref.host
                if method in LEVELS[LEVEL]:
                    # In a setUp or tearDown: the calls style renamed it to its helper.
                    own = self.planned.get((info.qualname, LEVEL))
                    if own is None or not own.calls:
                        continue  # kept for unittest: its self.tearDown() is still there
                    method = self.calls.helper_of(info.qualname, method)
                helper = self.calls.helper_of(definer, ref.attr)
                entry = (info.name, method, ref.via, ref.attr, helper)
                if entry not in out:
                    out.append(entry)
        return tuple(out)

    def _all_references(self) -> list[tuple[ModuleInfo, Reference]]:
        """References outside any class, and those in class bodies that name a class."""
        if self._references is None:
            found = [(m, r) for m in self.modules.values() for r in m.external_refs]
            for qualname, info in self.classes.items():
                module = self.modules[info.module]
                found += [
                    (module, r)
                    for r in info.references
                    if (r.foreign or self.known(r.target)) and not self._parent(qualname, r)
                ]
            self._references = found
        return self._references

    def _parent(self, qualname: str, ref: Reference) -> bool:
        """Whether ``ref`` is ``Base.setUp(self)`` with ``Base`` after ``qualname`` in the
        MRO of the class itself or, for a mixin, of every test class using it: a parent
        call the chain plan follows (or refuses), no reference."""
        if not ref.parent_call:
            return False
        target = self.known(ref.target)
        if self._after(target, qualname, qualname):
            return True
        users = self.users(qualname)
        return bool(users) and all(self._after(target, qualname, u) for u in users)

    def _after(self, target: str | None, qualname: str, user: str) -> bool:
        mro = self.mro(user)
        return qualname in mro and target in mro[mro.index(qualname) + 1 :]

    def refers_outside(self, target: str | None) -> bool:
        """Whether a dotted reference surely names no class of the run: it resolves through
        imports to another package, to a module itself, or to a function of a module."""
        name = self.canonical(target)
        if name is None or name.startswith("?") or name in self.classes:
            return False
        if name.startswith("builtins."):
            return False  # ``object.__init__``-like reads stay conservative
        parts = name.split(".")
        for cut in range(len(parts), 0, -1):
            info = self.modules.get(".".join(parts[:cut]))
            if info is not None:
                rest = parts[cut:]
                if rest and self._unindexed_submodule(info, ".".join(parts[: cut + 1])):
                    # ``pyramid.testing`` of an indexed ``pyramid`` package, or
                    # ``zope.testing`` of a namespace ``zope/__init__.py``: a module the index
                    # does not hold, so none of its names is a class of the run.
                    return True
                return not rest or (len(rest) == 1 and rest[0] in info.defs)
        # Not a module of the run: a local name of this module would have resolved into it.
        return True

    def _unindexed_submodule(self, package: ModuleInfo, name: str) -> bool:
        """Whether ``name`` (``package`` + one part) is a submodule the index does not hold:
        a module file beside the package's ``__init__.py``, or a name the ``__init__``
        neither defines nor imports (nor can: no ``import *``), such as a sibling
        distribution's package under a namespace. No class of the run lives under it."""
        if name in self.modules or any(q.startswith(f"{name}.") for q in self.classes):
            return False
        part = name.rsplit(".", 1)[-1]
        if _is_submodule(package, part):
            return True
        init = Path(package.path)
        if init.name != "__init__.py" or part in package.defs or part in package.aliases:
            return False
        return not _star_import(str(init))


@lru_cache(maxsize=256)
def _star_import(path: str) -> bool:
    try:
        return "import *" in Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True  # unreadable: assume the worst


def _is_submodule(package: ModuleInfo, name: str) -> bool:
    """Whether ``name`` is a module or subpackage beside a package's ``__init__.py``."""
    init = Path(package.path)
    if init.name != "__init__.py":
        return False
    return (init.parent / f"{name}.py").is_file() or (init.parent / name / "__init__.py").is_file()
