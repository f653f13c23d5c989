"""migrate-fixtures: move unittest lifecycles onto pytest fixtures, and prove the move.

The Python API for scripts::

    from migrator import migrate_source, migrate_paths, write_changes, Options

    result = migrate_source(text, "tests/test_x.py")     # one module, in memory
    report = migrate_paths(["tests/"], Options(jobs=2))  # a tree, in memory
    write_changes(report)                                 # atomic writes, bytes preserved

Names are imported lazily, so that ``migrator.outcomes_plugin`` can be loaded by a pytest
that runs in another environment, where only pytest is installed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from migrator.engine import Options, migrate_paths, migrate_source, write_changes
    from migrator.results import FileResult, Report, Status
    from transforms.codes import Code, Refusal

_WHERE = {
    "Options": "migrator.engine",
    "migrate_paths": "migrator.engine",
    "migrate_source": "migrator.engine",
    "write_changes": "migrator.engine",
    "FileResult": "migrator.results",
    "Report": "migrator.results",
    "Status": "migrator.results",
    "Code": "transforms.codes",
    "Refusal": "transforms.codes",
}

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


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'migrator' has no attribute {name!r}")
    return getattr(importlib.import_module(_WHERE[name]), name)
