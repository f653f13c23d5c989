"""Count the ruff findings (default: isort ``I`` and pytest-style ``PT``) that a migration
added: for each before/after pair, the findings of the after tree that the before tree did
not already have (by code and file).

    python scripts/lint_delta.py fixtures_corpus            # every corpus case
    python scripts/lint_delta.py BEFORE_DIR AFTER_DIR        # one pair of trees
    python scripts/lint_delta.py --migrate SRC...            # copy, migrate, compare

Exit 1 when any finding was added. ruff runs with ``--isolated`` from each tree's root, so
first-party detection is the tree itself, as in a project checkout.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

SELECT = "I,PT"


def findings(tree: Path) -> Counter[tuple[str, str]]:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--select",
            SELECT,
            "--output-format",
            "json",
            "--exit-zero",
            ".",
        ],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    )
    out: Counter[tuple[str, str]] = Counter()
    for item in json.loads(run.stdout or "[]"):
        out[(Path(item["filename"]).relative_to(tree.resolve()).as_posix(), item["code"])] += 1
    return out


def added(before: Path, after: Path) -> Counter[tuple[str, str]]:
    return findings(after) - findings(before)


def migrated_pairs(sources: list[str], scratch: Path) -> list[tuple[Path, Path]]:
    """Copies of each source tree before and after ``migrate-fixtures``."""
    pairs = []
    for source in map(Path, sources):
        before, after = scratch / source.name / "before", scratch / source.name / "after"
        shutil.copytree(source, before, symlinks=True)
        shutil.copytree(source, after, symlinks=True)
        cmd = [sys.executable, "-m", "migrator", "migrate", str(after), "-q"]
        subprocess.run(cmd, check=False, cwd=Path(__file__).resolve().parent.parent)
        # ruff runs from the project's own root (an sdist unpacks into one folder), so its
        # first-party detection is the project's, as in a checkout.
        while len(entries := list(before.iterdir())) == 1 and entries[0].is_dir():
            before, after = entries[0], after / entries[0].name
        pairs.append((before, after))
    return pairs


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--migrate":
        with tempfile.TemporaryDirectory() as scratch:
            return report(migrated_pairs(argv[1:], Path(scratch)))
    if len(argv) == 2:
        pairs = [(Path(argv[0]), Path(argv[1]))]
    else:
        root = Path(argv[0] if argv else "fixtures_corpus")
        cases = sorted(c for c in root.iterdir() if (c / "after").is_dir())
        pairs = [(c / "before", c / "after") for c in cases]
    return report(pairs)


def report(pairs: list[tuple[Path, Path]]) -> int:
    total: Counter[str] = Counter()
    for before, after in pairs:
        for (name, code), n in sorted(added(before, after).items()):
            print(f"{after}/{name}: +{n} {code}")
            total[code] += n
    print(f"pairs: {len(pairs)}; findings added: {sum(total.values())} {dict(total)}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
