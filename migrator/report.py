"""Human output on the terminal: progress, coloured patches, refusals, the summary table."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from migrator.diffs import diff_text
from migrator.results import Report, Status
from migrator.verify import VerifyResult
from transforms.codes import Code

if TYPE_CHECKING:
    from migrator.advisor import Advice, ApplyResult, Profile
    from migrator.batch import Record


@contextmanager
def phases(console: Console, enabled: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    """A transient bar for a run in phases: ``tell(phase, done, total)`` (total 0: not known
    yet, shown as a phase without a count)."""
    if not enabled or not console.is_terminal:
        yield None
        return
    with _bar(console) as bar:
        task = bar.add_task("starting", total=None)

        def tell(phase: str, done: int, total: int) -> None:
            bar.update(task, description=phase, completed=done, total=total or None)

        yield tell


class _Bar:
    """``advance(n)`` for the engine, with ``phase(name, total)`` for its phases."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.task = bar.add_task("indexing", total=None)

    def __call__(self, n: int) -> None:
        self.bar.advance(self.task, n)

    def phase(self, name: str, total: int) -> None:
        self.bar.update(self.task, description=name, completed=0, total=total or None)


@contextmanager
def progress(console: Console, enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """A transient progress bar on a terminal, one phase after another (indexing, planning,
    rewriting) with each phase's real total; nothing when piped or quiet."""
    if not enabled or not console.is_terminal:
        yield None
        return
    with _bar(console) as bar:
        yield _Bar(bar)


def _bar(console: Console) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def print_diffs(console: Console, diffs: Iterable[tuple[bytes, str]]) -> None:
    """Patches to stdout: their bytes when piped (so ``git apply`` takes them whatever the
    files' encoding), coloured on a tty. Each patch comes with its file's encoding."""
    for patch, encoding in diffs:
        if not patch:
            continue
        if not console.is_terminal or console.no_color:
            console.file.flush()
            buffer = getattr(console.file, "buffer", None)
            if buffer is not None:
                buffer.write(patch)
                buffer.flush()
            else:
                console.file.write(diff_text(patch, encoding))
            continue
        for line in diff_text(patch, encoding).splitlines(keepends=True):
            console.print(Text(line.rstrip("\n"), style=_style(line)), end="\n")
    console.file.flush()


def _style(line: str) -> str:
    if line.startswith(("+++", "---", "diff --git", "index ")):
        return "bold"
    if line.startswith("@@"):
        return "cyan"
    if line.startswith("+"):
        return "green"
    if line.startswith("-"):
        return "red"
    return ""


def print_refusals(console: Console, report: Report) -> None:
    for refusal in (*report.refusals, *report.hazards):
        where = f" [{refusal.cls}]" if refusal.cls else ""
        text = f"{refusal.path}:{refusal.line}: {refusal.code.value}{where} {refusal.message}"
        console.print(Text(text), soft_wrap=True)
    for result in report.files:
        if result.status is Status.SKIPPED and result.error:
            console.print(Text(f"skipped {result.path}: {result.error}"), soft_wrap=True)
    print_outside_patterns(console, report)
    print_errors(console, report)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def print_outside_patterns(console: Console, report: Report) -> None:
    """One note for the files that hold unittest tests but match no test-file pattern."""
    files = [f for f in report.files if f.outside_patterns]
    if not files:
        return
    methods = sum(f.outside_patterns for f in files)
    names = ", ".join(Path(f.path).name for f in files[:3]) + (", ..." if len(files) > 3 else "")
    hint = (
        "--include 'test*.py'"
        if all(Path(f.path).name.startswith("test") for f in files)
        else "--include"
    )
    console.print(
        Text(
            f"note: {_count(len(files), 'file')} holding unittest tests"
            f" ({_count(methods, 'lifecycle method')}) {'match' if len(files) > 1 else 'matches'}"
            f" no test-file pattern ({names}); pytest does not collect them either: left as is."
            f" Pass {hint} (and set python_files in the pytest configuration) to migrate them."
        ),
        soft_wrap=True,
    )


def print_errors(console: Console, report: Report) -> None:
    """The files the run could not read or rewrite: printed even under ``-q``, which
    silences everything but errors (their exit status is 123)."""
    for result in report.files:
        if result.status is Status.FAILED:
            console.print(Text(f"{result.path}: internal error (file left untouched)", style="red"))
            if result.error:
                console.print(Text(result.error.strip().splitlines()[-1]))
        elif result.status is Status.UNPARSABLE:
            line = result.refusals[-1].line if result.refusals else 1
            first = (result.error or "").strip().splitlines()[:1]
            message = f"error: cannot parse {result.path}:{line}: {''.join(first)}"
            console.print(Text(message), soft_wrap=True)


def print_files(console: Console, report: Report, wrote: bool) -> None:
    """One line per file that changed (``--check``: would change), as black does."""
    verb = "migrated" if wrote else "would migrate"
    for result in report.files:
        if result.status is Status.CHANGED:
            console.print(Text(f"{verb} {result.path}"), soft_wrap=True)


def print_hazards(console: Console, report: Report) -> None:
    """What parallel workers could still collide on, one row per place."""
    table = Table(title="parallel hazards", header_style="bold")
    for column in ("code", "where", "class", "what"):
        table.add_column(column)
    for hazard in report.hazards:
        table.add_row(
            hazard.code.value, f"{hazard.path}:{hazard.line}", hazard.cls or "", hazard.message
        )
    console.print(table if report.hazards else Text("no parallel hazards found"))


def print_summary(console: Console, report: Report, wrote: bool) -> None:
    table = Table(title="migrate-fixtures", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("files scanned", str(len(report.files)))
    table.add_row("changed" if wrote else "would change", str(report.count(Status.CHANGED)))
    for status in (Status.UNCHANGED, Status.SKIPPED, Status.UNPARSABLE, Status.FAILED):
        table.add_row(status.value, str(report.count(status)))
    converted = "lifecycle methods converted" if wrote else "lifecycle methods it would convert"
    table.add_row(converted, str(report.converted))
    outside = sum(f.outside_patterns for f in report.files)
    if outside:
        table.add_row("lifecycle methods outside the test-file patterns", str(outside))
    for code, count in report.refusals_by_code().items():
        table.add_row(f"refused {code}: {Code(code).summary}", str(count))
    hazards = report.summary()["hazards_by_code"]
    for code, count in hazards.items() if isinstance(hazards, dict) else ():
        table.add_row(f"{code}: {Code(code).summary}", str(count))
    console.print(table)


def why_few(result: VerifyResult) -> list[str]:
    """Why a comparison compared nothing, or far fewer tests than one run collected."""
    base, new = result.baseline, result.migrated
    lines: list[str] = []
    if not base.outcomes:
        session = base.collection_errors.get("<session>", "").strip().splitlines()
        if session:
            lines.append(f"nothing was compared: the baseline run stopped: {session[-1]}")
        else:
            errors = len(base.collection_errors)
            lines.append(
                f"nothing was compared: the baseline collected no test"
                f" ({errors} collection error(s); check the path and --pytest-args)"
            )
    elif len(result.only_before) * 10 > len(base.outcomes):
        session = new.collection_errors.get("<session>", "").strip().splitlines()
        reason = f"the migrated run stopped: {session[-1]}" if session else "see the list above"
        lines.append(
            f"{len(result.only_before)} of {len(base.outcomes)} tests of the baseline did not"
            f" run after migration: {reason}"
        )
    return lines


def _verify_lines(result: VerifyResult) -> list[str]:
    """Tests on one side only, collection errors, modules that never ran, and why few ran."""
    lines: list[str] = []
    for label, ids in (("only before", result.only_before), ("only after", result.only_after)):
        lines += [f"{label}: {nodeid}" for nodeid in ids[:20]]
    for label, errors in (
        ("collection error before", result.baseline.collection_errors),
        ("collection error after", result.migrated.collection_errors),
    ):
        for nodeid, text in errors.items():
            last = text.strip().splitlines()[-1] if text.strip() else ""
            lines.append(f"{label}: {nodeid}: {last}")
    lines += [f"rewritten module never ran (collection error): {m}" for m in result.broken_modules]
    return lines + why_few(result)


def print_verify(console: Console, result: VerifyResult) -> None:
    """The per-test comparison: every changed outcome, then the totals and timings."""
    if result.changes:
        table = Table(title="changed outcomes", header_style="bold")
        for column in ("test", "before", "after", "kind"):
            table.add_column(column)
        for change in result.changes:
            table.add_row(change.nodeid, change.before, change.after, change.kind)
        console.print(table)
    for line in _verify_lines(result):
        console.print(Text(line), soft_wrap=True)
    summary = Table(title="verify", header_style="bold")
    summary.add_column("what")
    summary.add_column("value", justify="right")
    base, new = result.baseline.seconds, result.migrated.seconds
    rows = [
        ("tests compared", len(result.baseline.outcomes)),
        ("same outcome", result.same),
        ("changed", len(result.changes)),
        ("  of which regressions", sum(c.kind == "regression" for c in result.changes)),
        ("  of which parallel-only", sum(c.kind == "parallel" for c in result.changes)),
        ("  of which races", sum(c.kind == "race" for c in result.changes)),
        ("  of which flaky", sum(c.kind == "flaky" for c in result.changes)),
        (
            "  of which the same exception, from a fixture",
            sum(c.kind == "fixture-error" for c in result.changes),
        ),
        ("only before", len(result.only_before)),
        ("only after", len(result.only_after)),
        ("migrated fixture setups (function/class/module)", _setups(result)),
        ("baseline seconds", f"{base:.1f}"),
        ("migrated seconds", f"{new:.1f}"),
        ("speed-up", f"{base / new:.2f}x" if new else "-"),
    ]
    if result.migration is not None:
        rows.append(("lifecycle methods converted", result.migration.converted))
        rows.append(("refusals", len(result.migration.refusals)))
    for label, value in rows:
        summary.add_row(label, str(value))
    if result.scratch:
        summary.add_row("scratch copy kept at", result.scratch)
    console.print(summary)
    console.print(
        Text(
            "verify: OK" if result.ok else "verify: outcomes differ",
            style="green" if result.ok else "red",
        )
    )


def _setups(result: VerifyResult) -> str:
    counts = result.migrated.setups_by_scope()
    return " / ".join(str(counts[s]) for s in ("function", "class", "module"))


def print_batch(console: Console, records: Sequence[Record]) -> None:
    """One row per repository: status, branch, counts, verify."""
    table = Table(title="migrate-fixtures batch", header_style="bold")
    for column in ("repository", "status", "branch", "files", "converted", "refused", "verify"):
        table.add_column(column)
    for record in records:
        refused = sum(record.refusals_by_code.values())
        verify = "-" if record.verify is None else "OK" if record.verify["ok"] else "differs"
        status = record.status if record.error is None else f"{record.status}: {record.error}"
        table.add_row(
            record.repo,
            status,
            record.branch or "-",
            str(record.files_changed),
            f"{record.converted}/{record.lifecycle_found}",
            str(refused),
            verify,
        )
    console.print(table)


def print_profile(console: Console, profile: Profile, top: int) -> None:
    """The costliest fixtures: count x mean, what they served, repeats across workers."""
    tests = len(profile.run.outcomes)
    title = f"fixture cost ({tests} tests, {profile.run.seconds:.1f} s wall)"
    table = Table(title=title, header_style="bold")
    table.add_column("fixture", overflow="fold", ratio=1)
    for column in ("scope", "setups", "mean ms", "total s", "served", "repeated"):
        table.add_column(column, justify="left" if column == "scope" else "right")
    for stats in profile.top(top):
        table.add_row(
            stats.fixture,
            stats.scope,
            str(stats.setups),
            f"{stats.mean * 1000:.1f}",
            f"{stats.total:.2f}",
            str(len(stats.served)),
            str(stats.repeated_across_workers),
        )
    console.print(table)
    if not tests:
        errors = profile.run.collection_errors
        last = next(iter(errors.values()), "").strip().splitlines()[-1:] if errors else []
        console.print(Text(f"the suite ran no test{': ' + last[0] if last else ''}"))
    repeats = sum(f.repeated_across_workers for f in profile.fixtures.values())
    if repeats:
        console.print(
            f"{repeats} class/module fixture setup(s) repeated because several workers served the"
            " same class or module: --dist loadscope (or loadfile) keeps each on one worker"
        )


def print_advice(console: Console, advice: Advice, applied: ApplyResult | None) -> None:
    """Every candidate with its verdict and evidence, then the proof and the timings."""
    for proposal in advice.proposals:
        head = "PROPOSE class scope" if proposal.ok else "keep function scope"
        console.print(
            Text(
                f"{head}: {proposal.fixture} ({proposal.stats.setups} setups,"
                f" {proposal.stats.total:.2f} s; expected saving {proposal.saving:.2f} s)",
                style="green" if proposal.ok else "yellow",
            )
        )
        if proposal.ok:
            attrs = ", ".join(f"self.{a}" for a in proposal.static.attributes)
            tests = advice.profile.checks.get(proposal.fixture, {}).get("tests", 0)
            console.print(
                f"  static: only makes {attrs}; nothing process-wide; no method rebinds them"
            )
            console.print(f"  dynamic: fingerprints unchanged after each of {tests} test(s)")
        for reason in proposal.reasons:
            console.print(Text(f"  why not: {reason}"))
    if not advice.proposals:
        console.print("no function-scoped setup fixture in a test class ran")
    rec = advice.recommendation
    console.print(Text(f"recommended: pytest {rec.args()} ({rec.reason})"))
    if applied is None:
        return
    for proposal, why in applied.reverted:
        console.print(Text(f"reverted {proposal.fixture}: {why}", style="red"))
    seconds = applied.seconds
    console.print(
        Text(
            f"applied {len(applied.applied)} proposal(s) after {applied.runs} pytest runs;"
            f" serial {seconds['before_serial']:.1f} s -> {seconds['after_serial']:.1f} s,"
            f" -n {applied.recommendation.workers or 2} --dist loadscope"
            f" {seconds['before_parallel']:.1f} s -> {seconds['after_parallel']:.1f} s"
        )
    )
    final = applied.recommendation
    console.print(Text(f"recommended after the change: pytest {final.args()} ({final.reason})"))
    for file in applied.written:
        console.print(Text(f"wrote {file}"))
