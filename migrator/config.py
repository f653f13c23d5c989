"""``[tool.migrate-fixtures]`` in pyproject.toml: defaults that command-line flags override."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

# pyproject key -> (click parameter name, expected type)
KEYS: dict[str, tuple[str, type]] = {
    "include": ("include", list),
    "exclude": ("exclude", list),
    "extend-exclude": ("extend_exclude", list),
    "jobs": ("jobs", int),
    "all-files": ("all_files", bool),
    "strict": ("strict", bool),
    "gitignore": ("gitignore", bool),
    "pytest-config": ("pytest_config", bool),
    "pytest-collect": ("pytest_collect", bool),
}


class ConfigError(Exception):
    """The configuration is not valid (exit code 2)."""


def find_pyproject(paths: Iterable[str]) -> Path | None:
    """The nearest pyproject.toml above the first path (or the working directory)."""
    first = next((Path(p) for p in paths if p != "-"), Path.cwd())
    folder = first.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "pyproject.toml").is_file():
            return candidate / "pyproject.toml"
        if (candidate / ".git").exists():
            return None
    return None


def load_defaults(pyproject: Path | None) -> dict[str, Any]:
    """Click ``default_map`` entries from ``[tool.migrate-fixtures]``."""
    if pyproject is None:
        return {}
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{pyproject}: {exc}") from exc
    section = data.get("tool", {}).get("migrate-fixtures", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{pyproject}: [tool.migrate-fixtures] must be a table")
    out: dict[str, Any] = {}
    for key, value in section.items():
        if key not in KEYS:
            raise ConfigError(f"{pyproject}: unknown key {key!r} in [tool.migrate-fixtures]")
        name, kind = KEYS[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ConfigError(f"{pyproject}: {key} must be a {kind.__name__}")
        out[name] = tuple(value) if isinstance(value, list) else value
    return out
