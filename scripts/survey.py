"""Static survey: how much of many unseen suites the tool converts, and why it refuses the rest.

For each row of a suites list (default ``scripts/unseen.tsv``; the public list works too): the
sdist is downloaded from the package index into a cache folder (never committed) and unpacked,
and the tool plans the migration of the row's test folder in memory, with the unpacked project
as its root. Nothing is installed and no test runs: this is the quick loop for reading what the
tool refuses and why; ``scripts/realworld.py --tsv scripts/unseen.tsv`` verifies the same rows
by running them.

    python scripts/survey.py [--tsv PATH] [--cache DIR] [--only NAME ...] [--refusals CODE ...]
                             [--json FILE] [--roots N]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from realworld import Row, migrate_options, read_rows, unpack

from migrator.engine import migrate_paths
from migrator.results import Report, Status
from transforms.codes import Code, Refusal

HERE = Path(__file__).resolve().parent
DEFAULT_TSV = HERE / "unseen.tsv"


def unpacked(row: Row, cache: Path) -> Path:
    """The unpacked sdist of ``row`` (downloaded once into ``cache``)."""
    folder = cache / "src" / row.spec.replace("==", "-")
    if folder.exists():
        return next(p for p in folder.iterdir() if p.is_dir())
    download = cache / "download" / row.spec.replace("==", "-")
    if not download.exists() or not any(download.iterdir()):
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        subprocess.run(
            [*pip, "--no-binary", ":all:", row.spec, "-d", str(download)],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return unpack(next(download.iterdir()), folder)


def survey(row: Row, cache: Path) -> tuple[dict[str, object], Report]:
    root = unpacked(row, cache)
    report = migrate_paths([root / row.test_dir], replace(migrate_options(row), jobs=2))
    summary = report.summary()
    data: dict[str, object] = {
        "package": row.spec,
        "found": summary["lifecycle_methods_found"],
        "converted": report.converted,
        "refused": report.refusals_by_code(),
        "failed": report.count(Status.FAILED),
        "unparsable": report.count(Status.UNPARSABLE),
        "outside_patterns": summary["lifecycle_methods_outside_patterns"],
    }
    return data, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tsv", type=Path, default=DEFAULT_TSV)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/mf-survey"))
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--refusals", nargs="*", default=None, help="print refusals of codes")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--roots", type=int, default=0, help="print the N reasons that refuse the most classes"
    )
    args = parser.parse_args()
    rows = [r for r in read_rows(args.tsv) if not args.only or r.name in args.only]
    print("| package | found | converted | % | refused | failed | outside patterns |")
    print("|---|---|---|---|---|---|---|")
    results = []
    roots = Counter[str]()
    found = converted = 0
    for row in rows:
        try:
            data, report = survey(row, args.cache)
        except (subprocess.SubprocessError, OSError, StopIteration) as exc:
            print(f"| {row.spec} | error: {type(exc).__name__}: {exc} |".replace("\n", " ")[:300])
            continue
        results.append(data)
        found += int(str(data["found"]))
        converted += int(str(data["converted"]))
        pct = 100 * int(str(data["converted"])) / max(1, int(str(data["found"])))
        codes = ", ".join(f"{k}: {v}" for k, v in dict(data["refused"]).items())  # type: ignore[call-overload]
        print(
            f"| {row.spec} | {data['found']} | {data['converted']} | {pct:.0f} | {codes or '-'} "
            f"| {data['failed']} | {data['outside_patterns']} |",
            flush=True,
        )
        for result in report.files:
            if result.error and result.status is Status.FAILED:
                print(f"    FAILED {result.path}: {result.error.strip().splitlines()[-1]}")
        roots.update(f"{row.spec}: {root_of(r)}" for r in report.refusals)
        if args.refusals is not None:
            for refusal in report.refusals:
                if not args.refusals or refusal.code.value in args.refusals:
                    print(
                        f"    {refusal.path}:{refusal.line}: {refusal.code.value} "
                        f"[{refusal.cls}] {refusal.message}"
                    )
    total = Counter[str]()
    for data in results:
        total.update(dict(data["refused"]))  # type: ignore[call-overload]
    print(
        f"| all | {found} | {converted} | {100 * converted / max(1, found):.0f} | "
        + ", ".join(f"{k}: {v}" for k, v in sorted(total.items()))
        + " | |"
    )
    for root, count in roots.most_common(args.roots):
        print(f"{count:5} {root}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


# ``MF114 ... root: Base at tests/base.py:12 (MF110: setUp referenced at ...)``
_ROOT = re.compile(r"root: (\S+) at (\S+) \((MF\d+): (.*)\)$")


def root_of(refusal: Refusal) -> str:
    """What a class's refusal comes from: its own reason, or the root an MF114 names."""
    spread = _ROOT.search(refusal.message) if refusal.code is Code.RELATED_REFUSED else None
    if spread:
        cls, where, code, message = spread.groups()
        return f"{code} [{cls}] {where}: {message}"
    # Not by class or line: "AsyncTestCase overrides run()" refuses each of its subclasses.
    return f"{refusal.code.value}: {refusal.message}"


if __name__ == "__main__":
    raise SystemExit(main())
