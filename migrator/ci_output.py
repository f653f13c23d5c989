"""Output for CI: GitHub workflow-command annotations and a Markdown summary.

``github``: one ``::error``/``::warning``/``::notice`` line per finding (file, line, a title
with the code, the message), at most ``PER_KIND`` of each kind, because GitHub shows 10
annotations of each kind per step and 50 per job and silently drops the rest; the number
left out is said in a last notice (its slot is kept free for it).

``markdown``: a pull-request comment or ``$GITHUB_STEP_SUMMARY``: the counts, refusals and
hazards grouped by code (what each means and how to unblock it, with the places), the verify
table when verifying, and each file's patch in a collapsible section, cut to stay under
GitHub's comment size (65,536 characters) with the number of patches left out said.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from migrator.results import Report, Status
from transforms.codes import Code, Refusal

if TYPE_CHECKING:
    from migrator.verify import VerifyResult

PER_KIND = 10
COMMENT_LIMIT = 65_536
PLACES_PER_CODE = 10


def _data(text: str) -> str:
    """Escape a workflow command's message (GitHub's own escaping)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """Escape a workflow command's property value."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(kind: str, finding: Refusal) -> str:
    title = f"{finding.code.value} {finding.cls}" if finding.cls else finding.code.value
    return (
        f"::{kind} file={_prop(finding.path)},line={max(finding.line, 1)},"
        f"title={_prop(title)}::{_data(finding.message)}"
    )


def _errors(report: Report) -> list[Refusal]:
    """Unparsable and failed files as findings (MF100 carries the line in its message)."""
    out = []
    for result in report.files:
        if result.status in (Status.UNPARSABLE, Status.FAILED):
            out.append(Refusal(Code.UNPARSABLE, result.path, 1, None, result.error or "error"))
    return out


def github(report: Report) -> list[str]:
    """The annotation lines: errors, refusals as warnings, hazards as notices."""
    kinds = (
        ("error", _errors(report)),
        ("warning", list(report.refusals)),
        ("notice", list(report.hazards)),
    )
    lines: list[str] = []
    left_out = 0
    for kind, findings in kinds:
        room = PER_KIND - 1 if kind == "notice" else PER_KIND
        lines += [annotation(kind, f) for f in findings[:room]]
        left_out += max(0, len(findings) - room)
    if left_out:
        lines.append(
            f"::notice title=migrate-fixtures::{left_out} more finding(s) left out: GitHub shows"
            f" {PER_KIND} annotations of each kind per step (the job summary lists them all)"
        )
    return lines


def markdown(
    report: Report,
    diffs: Mapping[str, str],
    verify: VerifyResult | None = None,
    wrote: bool = False,
    limit: int = COMMENT_LIMIT,
) -> str:
    """The summary; ``diffs`` maps a path to its patch text."""
    head = [
        "## migrate-fixtures",
        "",
        *_counts(report, wrote),
        *_grouped("Refused", report.refusals),
        *_grouped("Parallel hazards", report.hazards),
        *(_verify(verify) if verify is not None else []),
    ]
    text = "\n".join(head) + "\n"
    sections = [_diff_section(path, patch) for path, patch in sorted(diffs.items())]
    shown = 0
    closing = "\n_{left} patch(es) left out to fit GitHub's comment size: run with --diff._\n"
    for section in sections:
        reserve = len(closing) + 16
        if len(text) + len(section) + reserve > limit:
            break
        text += section
        shown += 1
    if shown < len(sections):
        text += closing.format(left=len(sections) - shown)
    return text


def _counts(report: Report, wrote: bool) -> list[str]:
    verb = "changed" if wrote else "would change"
    found = sum(f.found for f in report.files)
    rows = [
        ("files scanned", len(report.files)),
        (f"files {verb}", report.count(Status.CHANGED)),
        ("lifecycle methods found", found),
        ("lifecycle methods converted", report.converted),
        ("refusals", len(report.refusals)),
        ("parallel hazards", len(report.hazards)),
        (
            "unparsable or failed files",
            report.count(Status.UNPARSABLE) + report.count(Status.FAILED),
        ),
    ]
    return ["| what | count |", "|---|---:|", *(f"| {k} | {v} |" for k, v in rows), ""]


def _grouped(title: str, findings: Sequence[Refusal]) -> list[str]:
    if not findings:
        return []
    by_code: dict[Code, list[Refusal]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    lines = [
        f"### {title}",
        "",
        "| code | count | what it means | how to unblock |",
        "|---|---:|---|---|",
    ]
    for code in sorted(by_code, key=lambda c: c.value):
        cells = (code.value, str(len(by_code[code])), code.summary, code.unblock)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines.append("")
    for code in sorted(by_code, key=lambda c: c.value):
        items = by_code[code]
        lines.append(f"<details><summary>{code.value}: {len(items)} place(s)</summary>")
        lines.append("")
        lines += [_place(f) for f in items[:PLACES_PER_CODE]]
        if len(items) > PLACES_PER_CODE:
            lines.append(f"- ... and {len(items) - PLACES_PER_CODE} more (see --json)")
        lines += ["", "</details>", ""]
    return lines


def _place(finding: Refusal) -> str:
    where = f"`{finding.path}:{finding.line}`"
    owner = f" `{finding.cls}`" if finding.cls else ""
    return f"- {where}{owner}: {_cell(finding.message)}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _verify(result: VerifyResult) -> list[str]:
    status = "OK: every outcome is the same" if result.ok else "outcomes differ"
    lines = [
        "### Verify",
        "",
        f"**{status}**",
        "",
        "| what | value |",
        "|---|---:|",
        f"| tests compared | {len(result.baseline.outcomes)} |",
        f"| same outcome | {result.same} |",
        f"| changed | {len(result.changes)} |",
        f"| only before | {len(result.only_before)} |",
        f"| only after | {len(result.only_after)} |",
        f"| baseline seconds | {result.baseline.seconds:.1f} |",
        f"| migrated seconds | {result.migrated.seconds:.1f} |",
        "",
    ]
    if result.changes:
        lines += ["| test | before | after | kind |", "|---|---|---|---|"]
        lines += [
            f"| `{_cell(c.nodeid)}` | {c.before} | {c.after} | {c.kind} |" for c in result.changes
        ]
        lines.append("")
    return lines


def _diff_section(path: str, patch: str) -> str:
    fence = "````" if "```" in patch else "```"
    return (
        f"<details><summary>{path}</summary>\n\n{fence}diff\n{patch.rstrip()}\n{fence}\n\n"
        "</details>\n\n"
    )


def lines_of(items: Iterable[str]) -> str:
    return "".join(f"{item}\n" for item in items)
