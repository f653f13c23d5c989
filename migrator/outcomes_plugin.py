"""A pytest plugin that records every test's outcome as JSON (loaded with ``-p``).

Loaded in the controller and in xdist workers alike; only the process that is not an xdist
worker writes the file named by ``MIGRATE_FIXTURES_OUTCOMES``, since xdist forwards every
worker report to the controller's ``pytest_runtest_logreport``.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

import pytest

ENV = "MIGRATE_FIXTURES_OUTCOMES"
# A file rewritten with "done total" as tests finish, for a progress display.
PROGRESS_ENV = "MIGRATE_FIXTURES_PROGRESS"
_KEY = "migrate_fixtures_setups"
_RANK = {"passed": 0, "skipped": 1, "xfailed": 1, "xpassed": 1, "failed": 2, "error": 3}


class _SetupCounter:
    """Counts fixture setups by ``scope:name``, in every process (xdist workers included)."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    @pytest.hookimpl(hookwrapper=True)
    def pytest_fixture_setup(self, fixturedef: Any, request: Any) -> Any:
        yield
        key = f"{fixturedef.scope}:{fixturedef.argname}"
        self.counts[key] = self.counts.get(key, 0) + 1


class _Progress:
    """Tests done out of collected, written to a file at most every 0.2 s."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.done = 0
        self.total = 0
        self.last = 0.0

    def write(self, force: bool = False) -> None:
        now = time.monotonic()
        if self.path is None or (not force and now - self.last < 0.2):
            return
        self.last = now
        tmp = f"{self.path}.tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(f"{self.done} {self.total}")
        os.replace(tmp, self.path)


class _Recorder:
    def __init__(self, path: str, counter: _SetupCounter) -> None:
        self.path = path
        self.counter = counter
        self.outcomes: dict[str, str] = {}
        # The first failure of each test, as ``Type: message`` (see ``_signature``).
        self.failures: dict[str, str] = {}
        self.collection_errors: dict[str, str] = {}
        self.worker_counts: dict[str, int] = {}
        self.progress = _Progress(os.environ.get(PROGRESS_ENV))

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        if not session.config.pluginmanager.hasplugin("dsession"):  # not an xdist controller
            self.progress.total = len(session.items)
            self.progress.write(force=True)

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        self.progress.total = len(ids)  # every worker collects the same ids
        self.progress.write(force=True)

    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        # An xdist worker hands its counts over when it shuts down.
        for key, value in getattr(node, "workeroutput", {}).get(_KEY, {}).items():
            self.worker_counts[key] = self.worker_counts.get(key, 0) + value

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "teardown":
            self.progress.done += 1
            self.progress.write()
        outcome = _phase_outcome(report)
        if outcome is None:
            return
        if report.failed and report.nodeid not in self.failures:
            self.failures[report.nodeid] = _signature(report)
        current = self.outcomes.get(report.nodeid)
        if report.when == "teardown" and outcome == "error" and current not in (None, "passed"):
            return  # a failed test that also errors in teardown stays "failed"
        if current is None or _RANK[outcome] > _RANK[current]:
            self.outcomes[report.nodeid] = outcome

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.collection_errors[report.nodeid] = str(report.longrepr)[-2000:]

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.progress.write(force=True)
        counts = dict(self.counter.counts)
        for key, value in self.worker_counts.items():
            counts[key] = counts.get(key, 0) + value
        data: dict[str, Any] = {
            "outcomes": self.outcomes,
            "failures": self.failures,
            "collection_errors": self.collection_errors,
            "fixture_setups": counts,
        }
        with open(self.path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, sort_keys=True)


def _signature(report: pytest.TestReport) -> str:
    """What failed, without where: the exception's type and message (``reprcrash``), the
    same whether unittest's setUp raised it inside the test call or a fixture raised it in
    pytest's setup phase; "" when the report has none."""
    crash = getattr(report.longrepr, "reprcrash", None)
    message = getattr(crash, "message", None)
    return message[:2000] if isinstance(message, str) else ""


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
    if not path:
        return
    counter = _SetupCounter()
    config.pluginmanager.register(counter, "migrate-fixtures-setups")
    if hasattr(config, "workerinput"):
        config.pluginmanager.register(_WorkerReport(counter), "migrate-fixtures-worker")
    else:
        config.pluginmanager.register(_Recorder(path, counter), "migrate-fixtures-outcomes")


class _WorkerReport:
    def __init__(self, counter: _SetupCounter) -> None:
        self.counter = counter

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        session.config.workeroutput[_KEY] = self.counter.counts  # type: ignore[attr-defined]
