"""The ``migrate-fixtures`` command line.

stdout carries only data (patches, JSON, migrated stdin); progress, the summary table and
refusals go to stderr. Exit codes: 0 success or nothing to do; 1 ``--check`` would change,
``--strict`` saw a refusal, or ``verify`` found a difference; 2 usage or configuration error;
123 internal error (the files concerned were left untouched).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.text import Text

from migrator import ci_output
from migrator import report as render
from migrator.config import ConfigError, find_pyproject, load_defaults
from migrator.diffs import diff_text, unified_diff
from migrator.discovery import DEFAULT_EXCLUDE, DEFAULT_INCLUDE
from migrator.engine import Options, WriteError, migrate_paths, migrate_source, write_changes
from migrator.results import Report, Status
from migrator.sourcefile import DecodeError, decode

if TYPE_CHECKING:
    from migrator.verify import VerifyResult

EXIT_OK, EXIT_CHANGES, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 123, 130
FORMATS = ("text", "json", "github", "markdown")


class DefaultGroup(click.Group):
    """``migrate-fixtures PATH...`` means ``migrate-fixtures migrate PATH...``."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Writes are all or nothing (see write_changes): say so, exit as shells expect.
            click.echo("interrupted: nothing was written", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in {*self.commands, "--help", "-h", "--version"}:
            args = ["migrate", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="migrate-fixtures")
def main() -> None:
    """Move unittest setUp/tearDown lifecycles onto pytest yield fixtures, exactly or not at all."""


def _read_config(
    ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    """Inject ``[tool.migrate-fixtures]`` as click defaults, so flags always win."""
    try:
        defaults = load_defaults(find_pyproject(value))
    except ConfigError as exc:
        raise click.UsageError(str(exc), ctx) from exc
    ctx.default_map = {**(ctx.default_map or {}), **defaults}
    return value


def selection_options(func: Any) -> Any:
    """The options that choose the files of a run, shared by ``migrate`` and ``verify`` (and
    set by ``[tool.migrate-fixtures]``)."""
    options = [
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=None,
            help="Worker processes (default: CPUs).",
        ),
        click.option(
            "--include",
            multiple=True,
            default=DEFAULT_INCLUDE,
            show_default=True,
            help="Test file patterns.",
        ),
        click.option(
            "--exclude",
            multiple=True,
            default=DEFAULT_EXCLUDE,
            help="Patterns to skip (replaces defaults).",
        ),
        click.option(
            "--extend-exclude",
            multiple=True,
            default=(),
            help="Patterns to skip, added to --exclude.",
        ),
        click.option(
            "--all-files", is_flag=True, help="Rewrite every .py file, not only test files."
        ),
        click.option(
            "--gitignore/--no-gitignore", default=True, help="Honour .gitignore (default: on)."
        ),
        click.option(
            "--pytest-config/--no-pytest-config",
            default=True,
            help="Rewrite only files the project's pytest configuration collects (default: on).",
        ),
        click.option(
            "--pytest-collect",
            is_flag=True,
            help="Ask pytest (--collect-only; imports the tests) which files are test modules.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.command("migrate")
@click.argument("paths", nargs=-1, required=True, is_eager=True, callback=_read_config)
@click.option("--diff", "show_diff", is_flag=True, help="Print git-style patches; write nothing.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any file would change.")
@selection_options
@click.option("--json", "as_json", is_flag=True, help="Write a JSON report to stdout.")
@click.option(
    "--output-format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="stdout: text (patches with --diff), json (as --json), github (workflow annotations)"
    " or markdown (a pull-request / job summary with the patches).",
)
@click.option(
    "--summary-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also append the Markdown summary to this file (e.g. $GITHUB_STEP_SUMMARY).",
)
@click.option("--strict", is_flag=True, help="Exit 1 when anything was refused.")
@click.option(
    "--hazards",
    "hazards_only",
    is_flag=True,
    help="Only report parallel hazards left after migration (table on stdout); exit 1 if any.",
)
@click.option(
    "--verify",
    "verify_first",
    is_flag=True,
    help="Verify in scratch copies first (see 'verify'); write only if every outcome is the same.",
)
@click.option(
    "--in-project",
    is_flag=True,
    help="Plan the whole project around PATHS (hooks pass a few files) and rewrite PATHS and the"
    " files that must change with them.",
)
@click.option("--stdin-filename", default=None, help="Name of the file read from '-'.")
@click.option("--color/--no-color", default=None, help="Colour (default: only on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No progress, table or refusal lines.")
def migrate_command(
    paths: tuple[str, ...],
    show_diff: bool,
    check: bool,
    jobs: int | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    extend_exclude: tuple[str, ...],
    all_files: bool,
    gitignore: bool,
    pytest_config: bool,
    pytest_collect: bool,
    as_json: bool,
    output_format: str,
    summary_file: Path | None,
    strict: bool,
    hazards_only: bool,
    verify_first: bool,
    in_project: bool,
    stdin_filename: str | None,
    color: bool | None,
    quiet: bool,
) -> None:
    """Rewrite the test files under PATHS in place ('-' reads standard input)."""
    err, out = _consoles(color)
    as_json = as_json or output_format == "json"
    if "-" in paths:
        if len(paths) != 1:
            raise click.UsageError("'-' cannot be combined with other paths")
        sys.exit(
            _stdin(stdin_filename or "<stdin>", show_diff, check, as_json, strict, out, err, quiet)
        )
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise click.UsageError(f"no such path: {missing[0]}")
    options = Options(
        jobs,
        include,
        exclude,
        extend_exclude,
        all_files,
        gitignore,
        pytest_config=pytest_config,
        pytest_collect=pytest_collect,
        in_project=in_project,
    )
    writes = not (show_diff or check)
    verified: list[VerifyResult] = []
    if writes and verify_first:
        options, verified = _repaired(paths, options, err, quiet)
    with render.progress(err, enabled=not quiet) as advance:
        result = migrate_paths([Path(p) for p in paths], options, advance)
    if not result.files:
        # Like ruff: say so, or a path hidden by a .gitignore above it looks clean.
        hint = " (ignored by a .gitignore? try --no-gitignore)" if gitignore else ""
        err.print(f"warning: no Python files found under the given paths{hint}")
    if hazards_only:
        render.print_errors(err, result)  # a file it could not read leaves the answer partial
        sys.exit(_hazards_only(result, as_json, out))
    # Patches are made before writing (they compare with the files as they are).
    summary = output_format == "markdown" or summary_file is not None
    patches = _diff_texts(result) if summary else {}
    written = _write(result, err) if writes else []
    last = verified[-1] if verified else None
    markdown = ci_output.markdown(result, patches, last, wrote=writes) if summary else ""
    if summary_file is not None:
        with summary_file.open("a", encoding="utf-8") as handle:
            handle.write(markdown)
    if output_format == "github":
        click.echo(ci_output.lines_of(ci_output.github(result)), nl=False)
    elif output_format == "markdown":
        click.echo(markdown, nl=False)
    _print_data(result, show_diff and output_format != "markdown", as_json, out, written)
    if not quiet:
        render.print_refusals(err, result)
        if check or writes:
            render.print_files(err, result, wrote=writes)
        render.print_summary(err, result, wrote=writes)
    else:
        render.print_errors(err, result)
    sys.exit(_exit_code(result, check, strict))


def _write(report: Report, err: Console) -> list[str]:
    """Write all or nothing; a failure is one line and exit 123, Ctrl-C exit 130."""
    try:
        return write_changes(report)
    except WriteError as exc:
        err.print(
            Text(f"error: {exc}; nothing was written ({exc.restored} file(s) put back)"),
            soft_wrap=True,
        )
        sys.exit(EXIT_INTERNAL)
    except KeyboardInterrupt:
        err.print(Text("interrupted: nothing was written"))
        sys.exit(EXIT_INTERRUPTED)


def _consoles(color: bool | None) -> tuple[Console, Console]:
    """stderr and stdout consoles. ``NO_COLOR`` (any value) switches colour off unless
    ``--color`` asks for it; a terminal decides otherwise."""
    import os

    no_color = color is False or (color is None and "NO_COLOR" in os.environ)
    err = Console(stderr=True, force_terminal=color, no_color=no_color, highlight=False)
    out = Console(force_terminal=color, no_color=no_color, highlight=False, soft_wrap=True)
    return err, out


def _hazards_only(report: Report, as_json: bool, out: Console) -> int:
    if as_json:
        payload = {
            "kind": "hazards",
            "version": 1,
            "hazards": [h.as_dict() for h in report.hazards],
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        render.print_hazards(out, report)
    if report.failed or report.count(Status.UNPARSABLE):
        return EXIT_INTERNAL
    return EXIT_CHANGES if report.hazards else EXIT_OK


def _print_data(
    report: Report, show_diff: bool, as_json: bool, out: Console, written: list[str]
) -> None:
    """Patches and/or the JSON report on stdout (after writing: it says what was written)."""
    diffs = _diffs(report) if show_diff or as_json else {}
    if show_diff and not as_json:
        render.print_diffs(out, diffs.values())
    if as_json:
        payload = {**report.as_dict(), "written": written}
        if show_diff:
            text = {p: diff_text(patch, enc) for p, (patch, enc) in diffs.items()}
            payload["files"] = [{**f.as_dict(), "diff": text.get(f.path, "")} for f in report.files]
        click.echo(json.dumps(payload, indent=2))


def _repaired(
    paths: tuple[str, ...], options: Options, err: Console, quiet: bool
) -> tuple[Options, list[VerifyResult]]:
    """Verify each path, withholding the hierarchies whose tests change until nothing does;
    the options that migrate exactly what verified, and the final comparisons. Exits 1,
    writing nothing, when a path does not converge (or its baseline compares nothing)."""
    from dataclasses import replace

    from migrator.verify import VerifyOptions, verify_and_repair

    withheld: list[tuple[str, str, str]] = []
    results: list[VerifyResult] = []
    for path in paths:
        repair = verify_and_repair(Path(path), VerifyOptions(migrate=options))
        results.append(repair.result)
        if not quiet or not repair.result.ok:
            render.print_verify(err, repair.result)
        if not repair.result.ok:
            err.print(f"verify found differences in {path} that withholding did not remove:")
            err.print("nothing was written")
            sys.exit(EXIT_CHANGES)
        withheld += repair.withheld
        if repair.withheld and not quiet:
            err.print(
                f"verify: {len(repair.withheld)} hierarch(ies) withheld after"
                f" {repair.rounds} round(s) (MF122); the rest verified"
            )
    return replace(options, withheld=tuple(withheld)), results


def _diffs(report: Report) -> dict[str, tuple[bytes, str]]:
    """Per changed file: its patch (bytes) and its encoding."""
    out: dict[str, tuple[bytes, str]] = {}
    for result in report.files:
        if result.status is Status.CHANGED and result.output is not None:
            old = Path(result.path).read_bytes()
            source = decode(old)
            out[result.path] = (
                unified_diff(old, source.encode(result.output), result.path),
                source.encoding,
            )
    return out


def _diff_texts(report: Report) -> dict[str, str]:
    return {path: diff_text(patch, enc) for path, (patch, enc) in _diffs(report).items()}


def _exit_code(report: Report, check: bool, strict: bool) -> int:
    # Like black: a file that cannot be read as Python is an error, not a clean run.
    if report.failed or report.count(Status.UNPARSABLE):
        return EXIT_INTERNAL
    if (check and report.changed) or (strict and report.refusals):
        return EXIT_CHANGES
    return EXIT_OK


def _stdin(
    name: str,
    show_diff: bool,
    check: bool,
    as_json: bool,
    strict: bool,
    out: Console,
    err: Console,
    quiet: bool,
) -> int:
    data = sys.stdin.buffer.read()
    try:
        if b"\x00" in data:
            raise DecodeError("not Python text (it contains NUL bytes)")
        source = decode(data)
    except DecodeError as exc:
        err.print(f"error: {name}: {exc}")
        return EXIT_INTERNAL
    result = migrate_source(source.text, name)
    report = Report((result,))
    new = source.encode(result.output) if result.output is not None else data
    if as_json:
        payload: dict[str, Any] = report.as_dict()
        if show_diff:
            patch = unified_diff(data, new, name)
            payload["files"][0]["diff"] = diff_text(patch, source.encoding)
        click.echo(json.dumps(payload, indent=2))
    elif show_diff:
        render.print_diffs(out, [(unified_diff(data, new, name), source.encoding)])
    elif not check:
        sys.stdout.buffer.write(new)
        sys.stdout.flush()
    if not quiet:
        render.print_refusals(err, report)
    else:
        render.print_errors(err, report)
    return _exit_code(report, check, strict)


@main.command("verify")
@click.argument(
    "path",
    type=click.Path(exists=True, path_type=Path),
    is_eager=True,
    callback=lambda ctx, param, value: _read_config(ctx, param, (str(value),)) and value,
)
@click.option(
    "-n", "--workers", default="auto", show_default=True, help="xdist workers for the migrated run."
)
@click.option(
    "--baseline-workers", default=None, help="xdist workers for the baseline (default: serial)."
)
@click.option("--dist", default="load", show_default=True, help="xdist distribution mode.")
@click.option(
    "--pytest-args", default="", help="Extra pytest arguments, as one shell-quoted string."
)
@click.option("--timeout", type=float, default=None, help="Seconds allowed for each pytest run.")
@click.option("--keep", is_flag=True, help="Keep the scratch copies and print where they are.")
@click.option(
    "--python",
    "python",
    default=sys.executable,
    show_default="this interpreter",
    help="Interpreter that runs the suites (one with the suite's dependencies and pytest-xdist).",
)
@selection_options
@click.option("--json", "as_json", is_flag=True, help="Write a JSON report to stdout.")
@click.option(
    "--output-format",
    type=click.Choice(("text", "json", "markdown")),
    default="text",
    show_default=True,
    help="stdout: nothing (text), the JSON report, or a Markdown summary with the verify table.",
)
@click.option("-q", "--quiet", is_flag=True, help="Only errors and the exit code.")
def verify_command(
    path: Path,
    workers: str,
    baseline_workers: str | None,
    dist: str,
    pytest_args: str,
    timeout: float | None,
    keep: bool,
    python: str,
    as_json: bool,
    output_format: str,
    quiet: bool,
    **selection: Any,
) -> None:
    """Run PATH's suite before and after migration (in scratch copies) and compare outcomes.

    The migration reads the same ``[tool.migrate-fixtures]`` configuration and takes the same
    file selection options as ``migrate``.
    """
    import shlex
    import subprocess
    from dataclasses import replace

    from migrator.verify import VerifyOptions, verify

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    options = VerifyOptions(
        baseline_workers=baseline_workers,
        workers=workers,
        dist=dist,
        pytest_args=tuple(shlex.split(pytest_args)),
        timeout=timeout,
        keep=keep,
        migrate=Options(**selection),
        python=python,
    )
    try:
        with render.phases(err, enabled=not quiet) as tell:
            result = verify(path, replace(options, progress=tell))
    except subprocess.TimeoutExpired as exc:
        err.print(Text(f"error: a pytest run took longer than --timeout {exc.timeout:g} s"))
        sys.exit(EXIT_INTERNAL)
    except OSError as exc:
        err.print(Text(f"error: cannot run the suite with {python}: {exc.strerror or exc}"))
        sys.exit(EXIT_INTERNAL)
    if as_json or output_format == "json":
        click.echo(json.dumps({"kind": "verify", "version": 1, **result.as_dict()}, indent=2))
    elif output_format == "markdown":
        migration = result.migration or Report()
        click.echo(ci_output.markdown(migration, {}, result), nl=False)
    if not quiet or not result.ok:
        render.print_verify(err, result)
    if result.migration is not None and result.migration.failed:
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK if result.ok else EXIT_CHANGES)


@main.command("batch")
@click.argument("repos", nargs=-1)
@click.option(
    "--from-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A file listing repository paths, one per line (# comments).",
)
@click.option(
    "--branch",
    default="migrate-fixtures/{date}",
    show_default=True,
    help="Branch name template ({date}, {version}).",
)
@click.option("--verify", "verify_first", is_flag=True, help="Verify each before committing.")
@click.option("--python", default=None, help="Interpreter for --verify (default: repo's .venv).")
@click.option("--author", default=None, help="Commit author 'Name <email>' (default: git config).")
@click.option(
    "--jsonl",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Append one JSON record per repository to this file (stdout gets them too).",
)
@click.option("--resume", is_flag=True, help="Skip repositories --jsonl says are done.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="No table.")
def batch_command(
    repos: tuple[str, ...],
    from_file: Path | None,
    branch: str,
    verify_first: bool,
    python: str | None,
    author: str | None,
    jsonl: Path | None,
    resume: bool,
    jobs: int,
    quiet: bool,
) -> None:
    """Migrate many local git repositories: a branch and a commit each, never pushed.

    Exit 0 when every repository was migrated, had nothing to do or was all refused; 1 when
    any failed to verify or had an error (a dirty work tree, an existing branch, ...).
    """
    from migrator import batch

    if resume and jsonl is None:
        raise click.UsageError("--resume needs --jsonl (the records of the earlier run)")
    name, email = _author(author)
    paths = batch.repositories(repos, from_file)
    if not paths:
        raise click.UsageError("no repository given")
    skip = batch.finished(jsonl) if resume else set()
    todo = [p for p in paths if str(p) not in skip]
    err = Console(stderr=True, highlight=False)
    if skip and not quiet:
        err.print(f"resume: {len(paths) - len(todo)} repositor(ies) already done, skipped")
    options = batch.BatchOptions(branch, verify_first, python, name, email)

    def emit(record: batch.Record) -> None:
        line = record.as_json()
        click.echo(line)
        if jsonl is not None:
            with jsonl.open("a", encoding="utf-8") as handle:
                handle.write(line + "\n")

    records = batch.run_batch(todo, options, jobs, emit)
    if not quiet:
        render.print_batch(err, records)
    bad = [r for r in records if r.status not in batch.DONE]
    sys.exit(EXIT_CHANGES if bad else EXIT_OK)


def _author(author: str | None) -> tuple[str | None, str | None]:
    if author is None:
        return None, None
    name, _, rest = author.partition("<")
    if not rest.endswith(">") or not name.strip():
        raise click.UsageError("--author must look like 'Name <email>'")
    return name.strip(), rest[:-1].strip()


@main.command("profile")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("-n", "--workers", default=None, help="xdist workers (default: serial).")
@click.option("--dist", default="load", show_default=True, help="xdist distribution mode.")
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True)
@click.option("--python", default=None, help="Interpreter that runs the suite.")
@click.option("--pytest-args", default="", help="Extra pytest arguments (one quoted string).")
@click.option("--json", "as_json", is_flag=True, help="Write the profile as JSON to stdout.")
def profile_command(
    path: Path,
    workers: str | None,
    dist: str,
    top: int,
    python: str | None,
    pytest_args: str,
    as_json: bool,
) -> None:
    """Run PATH's suite and show which fixtures cost the most (setup + teardown)."""
    import shlex

    from migrator import advisor
    from migrator.project import project_root

    root = project_root(path)
    target = path.resolve().relative_to(root).as_posix() or "."
    extra = shlex.split(pytest_args)
    result = advisor.run_profile(root, [target], workers, dist, python=python, extra=extra)
    if as_json:
        payload = {
            "kind": "profile",
            "version": 1,
            "seconds": round(result.run.seconds, 2),
            "tests": len(result.run.outcomes),
            "fixtures": [f.as_dict() for f in result.top(top)],
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        render.print_profile(Console(highlight=False), result, top)
    sys.exit(EXIT_OK if result.run.outcomes else EXIT_CHANGES)


@main.command("advise")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--apply",
    "apply_",
    is_flag=True,
    help="Rewrite the proposals as class-scoped fixtures, prove them under xdist in two test"
    " orders (reverting any whose tests change), then write.",
)
@click.option("-n", "--workers", type=int, default=None, help="xdist workers for the proof.")
@click.option("--python", default=None, help="Interpreter that runs the suite.")
@click.option("--pytest-args", default="", help="Extra pytest arguments (one quoted string).")
@click.option("--json", "as_json", is_flag=True, help="Write the advice as JSON to stdout.")
def advise_command(
    path: Path,
    apply_: bool,
    workers: int | None,
    python: str | None,
    pytest_args: str,
    as_json: bool,
) -> None:
    """Which function-scoped setups can safely become class-scoped, with the evidence."""
    import shlex

    from migrator import advisor

    extra = shlex.split(pytest_args)
    out = Console(highlight=False, soft_wrap=True)
    advice = advisor.advise(path, python, extra)
    if not advice.profile.run.outcomes:
        click.echo("error: the suite ran no test; nothing can be shown safe", err=True)
        sys.exit(EXIT_CHANGES)
    applied = advisor.apply(advice, workers, python, extra) if apply_ and advice.accepted else None
    if as_json:
        payload: dict[str, Any] = {
            "kind": "advice",
            "version": 1,
            "serial_seconds": round(advice.profile.run.seconds, 2),
            "proposals": [p.as_dict() for p in advice.proposals],
            "recommendation": {
                "args": advice.recommendation.args(),
                "why": advice.recommendation.reason,
            },
            "apply": applied.as_dict() if applied else None,
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        render.print_advice(out, advice, applied)
    sys.exit(EXIT_OK)
