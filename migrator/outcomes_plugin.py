"""A pytest plugin that records every test's outcome as JSON (loaded with ``-p``).

Loaded in the controller and in xdist workers alike; only the process that is not an xdist
worker writes the file named by ``MIGRATE_FIXTURES_OUTCOMES``, since xdist forwards every
worker report to the controller's ``pytest_runtest_logreport``.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

ENV = "MIGRATE_FIXTURES_OUTCOMES"
_RANK = {"passed": 0, "skipped": 1, "xfailed": 1, "xpassed": 1, "failed": 2, "error": 3}


class _Recorder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.outcomes: dict[str, str] = {}
        self.collection_errors: dict[str, str] = {}

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        outcome = _phase_outcome(report)
        if outcome is None:
            return
        current = self.outcomes.get(report.nodeid)
        if report.when == "teardown" and outcome == "error" and current not in (None, "passed"):
            return  # a failed test that also errors in teardown stays "failed"
        if current is None or _RANK[outcome] > _RANK[current]:
            self.outcomes[report.nodeid] = outcome

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.collection_errors[report.nodeid] = str(report.longrepr)[-2000:]

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        data: dict[str, Any] = {
            "outcomes": self.outcomes,
            "collection_errors": self.collection_errors,
        }
        with open(self.path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, sort_keys=True)


def _phase_outcome(report: pytest.TestReport) -> str | None:
    xfail = hasattr(report, "wasxfail")
    if report.when == "call":
        if report.passed:
            return "xpassed" if xfail else "passed"
        if report.skipped:
            return "xfailed" if xfail else "skipped"
        return "failed"
    if report.failed:
        return "error"
    if report.skipped:
        return "xfailed" if xfail else "skipped"
    return "passed" if report.when == "setup" else None


def pytest_configure(config: pytest.Config) -> None:
    path = os.environ.get(ENV)
    if path and not hasattr(config, "workerinput"):
        config.pluginmanager.register(_Recorder(path), "migrate-fixtures-outcomes")
