"""migrate-fixtures: move unittest lifecycles onto pytest fixtures, and prove the move.

The Python API for scripts::

    from migrator import migrate_source, migrate_paths, write_changes, Options

    result = migrate_source(text, "tests/test_x.py")     # one module, in memory
    report = migrate_paths(["tests/"], Options(jobs=2))  # a tree, in memory
    write_changes(report)                                 # atomic writes, bytes preserved
"""

from __future__ import annotations

from migrator.engine import Options, migrate_paths, migrate_source, write_changes
from migrator.results import FileResult, Report, Status
from transforms.codes import Code, Refusal

__all__ = [
    "Code",
    "FileResult",
    "Options",
    "Refusal",
    "Report",
    "Status",
    "migrate_paths",
    "migrate_source",
    "write_changes",
]
