"""The scope advisor: where a migrated suite spends its fixture time, which function-scoped
setups can safely be shared by their class, and the proof.

1. ``profile``: run the suite with ``migrator.profile_plugin``: every fixture's setup and
   teardown time by scope and worker, what it served, how often class- and module-scoped
   ones were repeated across workers.
2. ``advise``: for each function-scoped autouse fixture of a test class (a converted setUp),
   static evidence (``scope_static``) and dynamic evidence (a serial run fingerprints every
   attribute the setup made, after the setup and again after each test). A proposal is made
   only when both hold; every other candidate says why not.
3. ``apply``: in a scratch copy, widen the accepted fixtures to class scope (the setup sets
   the attributes on ``request.cls``), run the suite under xdist in collection order and
   reversed, compare every outcome with the unchanged suite, revert the proposals of any test
   that changed, and only then write the files. Wall times before and after are measured in
   the same session.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import libcst as cst

from migrator.profile_plugin import ENV, FINGERPRINT_ENV, REVERSE_ENV
from migrator.project import project_root
from migrator.scope_static import StaticVerdict, analyse
from migrator.sourcefile import atomic_write, decode
from migrator.verify import COPY_IGNORE, RunResult, compare, run_pytest

# Below this serial wall time, xdist's worker start-up costs more than it saves: measured
# here on 2 cores, 3.4 s became 5.3 s and 1.4 s became 2.4 s with -n 2; 174 s became 106 s.
PARALLEL_WORTH_SECONDS = 10.0


@dataclass
class FixtureStats:
    """One fixture over a run (all workers)."""

    fixture: str
    scope: str
    setups: int = 0
    setup_seconds: float = 0.0
    teardown_seconds: float = 0.0
    served: dict[str, int] = field(default_factory=dict)
    workers: dict[str, int] = field(default_factory=dict)
    # (node served, worker) pairs: a class fixture set up by two workers is two pairs.
    placements: set[tuple[str, str]] = field(default_factory=set)

    @property
    def total(self) -> float:
        return self.setup_seconds + self.teardown_seconds

    @property
    def mean(self) -> float:
        return self.total / self.setups if self.setups else 0.0

    @property
    def repeated_across_workers(self) -> int:
        """Extra setups of a class/module fixture because several workers served its node
        (``--dist load`` does that; ``loadscope``/``loadfile`` keep a node on one worker)."""
        if self.scope == "function":
            return 0
        return len(self.placements) - len(self.served)

    def as_dict(self) -> dict[str, Any]:
        return {
            "fixture": self.fixture,
            "scope": self.scope,
            "setups": self.setups,
            "setup_seconds": round(self.setup_seconds, 4),
            "teardown_seconds": round(self.teardown_seconds, 4),
            "total_seconds": round(self.total, 4),
            "mean_seconds": round(self.mean, 5),
            "served": dict(sorted(self.served.items())),
            "workers": dict(sorted(self.workers.items())),
            "repeated_across_workers": self.repeated_across_workers,
        }


@dataclass
class Profile:
    run: RunResult
    fixtures: dict[str, FixtureStats]
    checks: dict[str, dict[str, Any]]

    def top(self, count: int) -> list[FixtureStats]:
        return sorted(self.fixtures.values(), key=lambda f: -f.total)[:count]


def run_profile(
    root: Path,
    targets: Sequence[str],
    workers: str | int | None = None,
    dist: str = "load",
    fingerprints: bool = False,
    reverse: bool = False,
    python: str | None = None,
    extra: Sequence[str] = (),
    timeout: float | None = None,
) -> Profile:
    """Run the suite at ``root`` with the profiling plugin and gather every process's data."""
    with tempfile.TemporaryDirectory(prefix="mf-profile-") as folder:
        env = {ENV: folder, FINGERPRINT_ENV: "1" if fingerprints else "0"}
        env[REVERSE_ENV] = "1" if reverse else "0"
        run = run_pytest(
            root,
            targets,
            workers,
            dist,
            ["-p", "migrator.profile_plugin", *extra],
            timeout,
            python or sys.executable,
            env,
        )
        parts = [json.loads(p.read_text(encoding="utf-8")) for p in Path(folder).glob("*.json")]
    return _merge(run, parts)


def _merge(run: RunResult, parts: list[dict[str, Any]]) -> Profile:
    fixtures: dict[str, FixtureStats] = {}
    checks: dict[str, dict[str, Any]] = {}
    for part in parts:
        worker = part["worker"]
        for key, data in part["fixtures"].items():
            stats = fixtures.setdefault(key, FixtureStats(key, data["scope"]))
            stats.setups += data["setups"]
            stats.setup_seconds += data["setup_seconds"]
            stats.teardown_seconds += data["teardown_seconds"]
            stats.workers[worker] = stats.workers.get(worker, 0) + data["setups"]
            for node, count in data["served"].items():
                stats.served[node] = stats.served.get(node, 0) + count
                stats.placements.add((node, worker))
        for key, data in part["checks"].items():
            into = checks.setdefault(key, {"tests": 0, "changed": [], "unknown": []})
            into["tests"] += data["tests"]
            into["changed"] += data["changed"]
            into["unknown"] = sorted({*into["unknown"], *data["unknown"]})
    return Profile(run, fixtures, checks)


@dataclass
class Proposal:
    """One function-scoped setup fixture and whether class scope was shown safe."""

    fixture: str
    file: str
    class_path: list[str]
    name: str
    stats: FixtureStats
    static: StaticVerdict
    dynamic: list[str]

    @property
    def ok(self) -> bool:
        return self.static.ok and not self.dynamic and self.saving > 0

    @property
    def classes(self) -> list[str]:
        return sorted(self.stats.served)

    @property
    def saving(self) -> float:
        """Expected seconds saved (serial): one setup per class served instead of per test."""
        return max(0.0, (self.stats.setups - len(self.stats.served)) * self.stats.mean)

    @property
    def reasons(self) -> list[str]:
        out = [f"static: {r}" for r in self.static.reasons]
        out += [f"dynamic: {r}" for r in self.dynamic]
        if self.static.ok and not self.dynamic and self.saving <= 0:
            out.append("nothing to save: one test per class")
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "fixture": self.fixture,
            "file": self.file,
            "class": ".".join(self.class_path),
            "proposed": self.ok,
            "expected_saving_seconds": round(self.saving, 3),
            "cost_seconds": round(self.stats.total, 3),
            "setups": self.stats.setups,
            "classes_served": self.classes,
            "attributes": self.static.attributes,
            "why_not": self.reasons,
        }


@dataclass
class Recommendation:
    workers: int
    dist: str
    reason: str

    def args(self) -> str:
        return "-n 0" if self.workers == 0 else f"-n {self.workers} --dist {self.dist}"


def recommend(
    serial_seconds: float,
    parallel_seconds: float | None = None,
    cpus: int | None = None,
    wide_fixtures: bool = False,
) -> Recommendation:
    """``-n``/``--dist`` from measured wall times: xdist only when it was (or, unmeasured,
    the serial time says it will be) faster; ``loadscope`` when class/module fixtures exist,
    so each class's shared setup runs on one worker only."""
    cpus = cpus or os.cpu_count() or 1
    dist = "loadscope" if wide_fixtures else "load"
    if cpus < 2:
        return Recommendation(0, dist, "one CPU: xdist cannot run tests side by side")
    if parallel_seconds is not None:
        if parallel_seconds < serial_seconds:
            why = f"measured {serial_seconds:.1f} s serial, {parallel_seconds:.1f} s with -n {cpus}"
            return Recommendation(cpus, dist, why)
        why = f"measured {serial_seconds:.1f} s serial but {parallel_seconds:.1f} s with -n {cpus}"
        return Recommendation(0, dist, why + ": worker start-up costs more than it saves")
    if serial_seconds < PARALLEL_WORTH_SECONDS:
        why = f"{serial_seconds:.1f} s serial: below {PARALLEL_WORTH_SECONDS:g} s xdist start-up"
        return Recommendation(0, dist, why + " costs more than it saves")
    return Recommendation(cpus, dist, f"{serial_seconds:.1f} s serial: worth {cpus} workers")


def verify_workers(baseline_seconds: float, cpus: int | None = None) -> int:
    """``verify``'s default ``-n``: the same measurement, but never fewer than 2 workers
    (verify exists to run the migrated suite in parallel)."""
    advice = recommend(baseline_seconds, cpus=cpus)
    return max(2, advice.workers) if (cpus or os.cpu_count() or 1) >= 2 else 1


@dataclass
class Advice:
    profile: Profile
    proposals: list[Proposal]
    recommendation: Recommendation
    root: str

    @property
    def accepted(self) -> list[Proposal]:
        return [p for p in self.proposals if p.ok]


def _split(fixture: str) -> tuple[str, list[str], str] | None:
    """(file, class path, fixture name) of a fixture defined in a test class."""
    parts = fixture.split("::")
    if len(parts) < 3 or not parts[0].endswith(".py"):
        return None
    return parts[0], parts[1:-1], parts[-1]


def _dynamic(check: dict[str, Any] | None) -> list[str]:
    if check is None or not check["tests"]:
        return ["no test ran with it in the fingerprint run"]
    reasons = []
    if check["changed"]:
        nodeid, attr = check["changed"][0]
        more = len(check["changed"]) - 1
        also = f" (and {more} more)" if more else ""
        reasons.append(f"{nodeid} changed self.{attr}{also}")
    reasons += [f"self.{a} cannot be fingerprinted (state not visible)" for a in check["unknown"]]
    return reasons


def advise(
    path: Path,
    python: str | None = None,
    extra: Sequence[str] = (),
    timeout: float | None = None,
) -> Advice:
    """Profile ``path`` serially with fingerprints and judge every candidate."""
    root = project_root(path)
    target = path.resolve().relative_to(root).as_posix() or "."
    # Timed without fingerprints (they cost more than many setups), then fingerprinted.
    profile = run_profile(root, [target], None, "load", False, False, python, extra, timeout)
    checked = run_profile(root, [target], None, "load", True, False, python, extra, timeout)
    profile.checks = checked.checks
    proposals = []
    for stats in profile.top(len(profile.fixtures)):
        where = _split(stats.fixture)
        if stats.scope != "function" or where is None or stats.setups < 1:
            continue
        file, class_path, name = where
        source_path = root / file
        if not source_path.is_file():
            continue
        verdict = analyse(decode(source_path.read_bytes()).text, class_path, name)
        if verdict.reasons == ["not an autouse function-scoped fixture (not from a setUp)"]:
            continue
        dynamic = _dynamic(profile.checks.get(stats.fixture))
        proposals.append(Proposal(stats.fixture, file, class_path, name, stats, verdict, dynamic))
    wide = any(f.scope in ("class", "module") for f in profile.fixtures.values())
    wide = wide or any(p.ok for p in proposals)
    cpus = os.cpu_count() or 1
    parallel: float | None = None
    if cpus >= 2:
        dist = "loadscope" if wide else "load"
        run = run_profile(root, [target], cpus, dist, False, False, python, extra, timeout)
        parallel = run.run.seconds
    recommendation = recommend(profile.run.seconds, parallel, cpus, wide_fixtures=wide)
    return Advice(profile, proposals, recommendation, str(root))


# --- apply -----------------------------------------------------------------------------


class _Widen(cst.CSTTransformer):
    """Class scope for one fixture method: ``scope="class"``, a ``request`` parameter, and
    every ``self`` (always ``self.<attribute>``, see ``scope_static``) as ``request.cls``."""

    def __init__(self, class_path: list[str], name: str) -> None:
        self.class_path = class_path
        self.name = name
        self.stack: list[str] = []
        self.inside = 0
        self.done = False

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.stack.append(node.name.value)

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        self.stack.pop()
        return updated

    def _target(self, node: cst.FunctionDef) -> bool:
        return self.stack == self.class_path and node.name.value == self.name

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self._target(node):
            self.inside += 1

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        if self.inside and updated.value == "self":
            return cst.Attribute(value=cst.Name("request"), attr=cst.Name("cls"))
        return updated

    def leave_Param(self, original: cst.Param, updated: cst.Param) -> cst.Param:
        # The parameter's own name is a Name too: keep ``self``.
        if self.inside and original.name.value == "self":
            return updated.with_changes(name=cst.Name("self"))
        return updated

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        if not self._target(original):
            return updated
        self.inside -= 1
        self.done = True
        params = [*updated.params.params, cst.Param(cst.Name("request"))]
        decorators = [_class_scope(d) for d in updated.decorators]
        return updated.with_changes(
            params=updated.params.with_changes(params=params), decorators=decorators
        )


def _class_scope(decorator: cst.Decorator) -> cst.Decorator:
    call = decorator.decorator
    if not isinstance(call, cst.Call):
        return decorator
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", "")
    if name != "fixture":
        return decorator
    scope = cst.Arg(
        keyword=cst.Name("scope"),
        value=cst.SimpleString('"class"'),
        equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
    )
    args = [a for a in call.args if not (a.keyword and a.keyword.value == "scope")]
    if args:
        args[-1] = args[-1].with_changes(
            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
    return decorator.with_changes(decorator=call.with_changes(args=[*args, scope]))


def widen(source: str, proposals: Sequence[Proposal]) -> str:
    module = cst.parse_module(source)
    for proposal in proposals:
        transformer = _Widen(proposal.class_path, proposal.name)
        module = module.visit(transformer)
        if not transformer.done:
            raise ValueError(f"fixture {proposal.fixture} not found")
    return module.code


@dataclass
class ApplyResult:
    applied: list[Proposal]
    reverted: list[tuple[Proposal, str]]
    seconds: dict[str, float]
    recommendation: Recommendation
    written: list[str]
    runs: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "applied": [p.fixture for p in self.applied],
            "reverted": [{"fixture": p.fixture, "why": why} for p, why in self.reverted],
            "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
            "recommendation": {
                "workers": self.recommendation.workers,
                "dist": self.recommendation.dist,
                "args": self.recommendation.args(),
                "why": self.recommendation.reason,
            },
            "written": self.written,
            "pytest_runs": self.runs,
        }


def _write_widened(root: Path, accepted: Sequence[Proposal], into: Path) -> None:
    """Write the widened files (see ``_texts``) under ``into``, in their own encoding."""
    for file, text in _texts(root, accepted).items():
        atomic_write(into / file, decode((root / file).read_bytes()).encode(text))


def apply(
    advice: Advice,
    workers: int | None = None,
    python: str | None = None,
    extra: Sequence[str] = (),
    timeout: float | None = None,
    write: bool = True,
) -> ApplyResult:
    """Prove the accepted proposals in a scratch copy and write those that held."""
    root = Path(advice.root)
    cpus = workers or max(2, os.cpu_count() or 1)
    scratch = Path(tempfile.mkdtemp(prefix="mf-advise-"))
    runs = 0
    try:
        before_dir, after_dir = scratch / "before" / root.name, scratch / "after" / root.name
        shutil.copytree(root, before_dir, ignore=COPY_IGNORE, symlinks=True)
        shutil.copytree(root, after_dir, ignore=COPY_IGNORE, symlinks=True)
        kept = list(advice.accepted)
        reverted: list[tuple[Proposal, str]] = []

        def run(folder: Path, n: int | None, reverse: bool = False) -> Profile:
            nonlocal runs
            runs += 1
            dist = "loadscope"
            return run_profile(folder, ["."], n, dist, False, reverse, python, extra, timeout)

        baseline = run(before_dir, cpus)
        for _round in range(4):
            _restore(root, after_dir, advice.proposals)
            _write_widened(root, kept, after_dir)
            changed = _changed(baseline, [run(after_dir, cpus), run(after_dir, cpus, True)])
            culprits = [(p, why) for p in kept if (why := _blame(p, changed))]
            if not culprits:
                break
            reverted += culprits
            blamed = {c.fixture for c, _ in culprits}
            kept = [p for p in kept if p.fixture not in blamed]
        else:
            kept = []
        _restore(root, after_dir, advice.proposals)
        _write_widened(root, kept, after_dir)
        seconds = _timings(before_dir, after_dir, cpus, python, extra, timeout)
        runs += 4
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    wide = bool(kept) or any(f.scope != "function" for f in advice.profile.fixtures.values())
    recommendation = recommend(
        seconds["after_serial"], seconds["after_parallel"], cpus, wide_fixtures=wide
    )
    written = []
    if write and kept:
        texts = _texts(root, kept)
        for file, text in texts.items():
            source = decode((root / file).read_bytes())
            atomic_write(root / file, source.encode(text))
            written.append(file)
    return ApplyResult(kept, reverted, seconds, recommendation, written, runs)


def _texts(root: Path, accepted: Sequence[Proposal]) -> dict[str, str]:
    by_file: dict[str, list[Proposal]] = {}
    for proposal in accepted:
        by_file.setdefault(proposal.file, []).append(proposal)
    return {
        file: widen(decode((root / file).read_bytes()).text, proposals)
        for file, proposals in by_file.items()
    }


def _restore(root: Path, into: Path, proposals: Sequence[Proposal]) -> None:
    for file in {p.file for p in proposals}:
        shutil.copy2(root / file, into / file)


def _changed(baseline: Profile, runs: Sequence[Profile]) -> dict[str, str]:
    """Node id -> how its outcome changed, over every run compared with the baseline."""
    out: dict[str, str] = {}
    for run in runs:
        changes, only_before, only_after = compare(baseline.run, run.run)
        for change in changes:
            out.setdefault(change.nodeid, f"{change.before} -> {change.after}")
        for nodeid in only_before:
            out.setdefault(nodeid, "did not run")
        for nodeid in only_after:
            out.setdefault(nodeid, "ran only after")
    return out


def _blame(proposal: Proposal, changed: dict[str, str]) -> str:
    for nodeid, how in sorted(changed.items()):
        if any(nodeid == c or nodeid.startswith(c + "::") for c in proposal.classes):
            return f"{nodeid}: {how}"
    return ""


def _timings(
    before: Path,
    after: Path,
    cpus: int,
    python: str | None,
    extra: Sequence[str],
    timeout: float | None,
) -> dict[str, float]:
    """Wall times of the suite before and after, serial and with xdist (loadscope)."""
    out: dict[str, float] = {}
    for label, folder in (("before", before), ("after", after)):
        for mode, n in (("serial", None), ("parallel", cpus)):
            started = time.perf_counter()
            run_profile(folder, ["."], n, "loadscope", False, False, python, extra, timeout)
            out[f"{label}_{mode}"] = time.perf_counter() - started
    return out
