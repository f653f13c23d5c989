"""A pytest plugin that times every fixture and fingerprints what setups made (``-p``).

Loaded with ``-p migrator.profile_plugin`` when ``MIGRATE_FIXTURES_PROFILE`` names a folder;
each process (the controller, every xdist worker) writes one JSON file there at the end.

* Timing: every fixture's setup (around ``pytest_fixture_setup``) and teardown (a finalizer
  added after the setup runs first, since finalizers run last in first out, and
  ``pytest_fixture_post_finalizer`` ends it), with its scope, the node it served (the class
  or module for wider scopes, the test's class for function scope) and the worker.
* Fingerprints (``MIGRATE_FIXTURES_FINGERPRINT=1``): for function-scoped fixtures defined in
  a class, the attributes the setup added to the test instance are fingerprinted after the
  setup and again after the test ran (before any teardown); a difference means a test
  changed what the setup made, so sharing it across the class would not be safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ENV = "MIGRATE_FIXTURES_PROFILE"
FINGERPRINT_ENV = "MIGRATE_FIXTURES_FINGERPRINT"
UNKNOWN = "?"


def fingerprint(value: Any) -> str:
    """A digest of ``value``'s state, or ``UNKNOWN`` when it cannot be taken faithfully
    (then nothing about it can be shown safe)."""
    if isinstance(value, sqlite3.Connection):
        try:
            data = "\n".join(value.iterdump()).encode()
        except sqlite3.Error:
            return UNKNOWN
        return hashlib.sha256(data).hexdigest()
    try:
        data = pickle.dumps(value, protocol=4)
    except Exception:  # pickling runs arbitrary __reduce__ code; anything can fail
        return UNKNOWN
    return hashlib.sha256(data).hexdigest()


def _fixture_id(fixturedef: Any) -> str:
    return f"{fixturedef.baseid}::{fixturedef.argname}" if fixturedef.baseid else fixturedef.argname


def _served(request: Any, scope: str) -> str:
    node = request.node
    if scope == "function":
        parent = getattr(node, "parent", None)
        if isinstance(parent, pytest.Class):
            return str(parent.nodeid)
        return str(node.nodeid).split("::")[0]
    return str(node.nodeid)


class Profiler:
    def __init__(self, folder: str, fingerprints: bool) -> None:
        self.folder = folder
        self.fingerprints = fingerprints
        self.worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.fixtures: dict[str, dict[str, Any]] = {}
        self.checks: dict[str, dict[str, Any]] = {}
        self._teardown_started: dict[int, float] = {}

    def _entry(self, fixturedef: Any) -> dict[str, Any]:
        key = _fixture_id(fixturedef)
        return self.fixtures.setdefault(
            key,
            {
                "scope": fixturedef.scope,
                "setups": 0,
                "setup_seconds": 0.0,
                "teardown_seconds": 0.0,
                "served": {},
            },
        )

    @pytest.hookimpl(hookwrapper=True)
    def pytest_fixture_setup(self, fixturedef: Any, request: Any) -> Iterator[None]:
        instance = getattr(request, "instance", None)
        track = self.fingerprints and fixturedef.scope == "function" and instance is not None
        before = set(vars(instance)) if track else set()
        started = time.perf_counter()
        yield
        entry = self._entry(fixturedef)
        entry["setups"] += 1
        entry["setup_seconds"] += time.perf_counter() - started
        served = _served(request, fixturedef.scope)
        entry["served"][served] = entry["served"].get(served, 0) + 1
        fixturedef.addfinalizer(
            lambda: self._teardown_started.__setitem__(id(fixturedef), time.perf_counter())
        )
        if track:
            made = sorted(set(vars(instance)) - before)
            prints = {name: fingerprint(getattr(instance, name)) for name in made}
            request.node.stash.setdefault(_PRINTS, {})[_fixture_id(fixturedef)] = prints

    def pytest_fixture_post_finalizer(self, fixturedef: Any, request: Any) -> None:
        started = self._teardown_started.pop(id(fixturedef), None)
        if started is not None:
            self._entry(fixturedef)["teardown_seconds"] += time.perf_counter() - started

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_teardown(self, item: pytest.Item) -> Iterator[None]:
        # Before the fixtures' teardowns: what the test left behind.
        instance = getattr(item, "instance", None)
        for key, prints in item.stash.get(_PRINTS, {}).items():
            check = self.checks.setdefault(key, {"tests": 0, "changed": [], "unknown": []})
            check["tests"] += 1
            for name, before in prints.items():
                now = fingerprint(getattr(instance, name, None))
                if before == UNKNOWN or now == UNKNOWN:
                    if name not in check["unknown"]:
                        check["unknown"].append(name)
                elif now != before:
                    check["changed"].append([item.nodeid, name])
        yield

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        out = Path(self.folder) / f"{self.worker}-{os.getpid()}.json"
        data = {"worker": self.worker, "fixtures": self.fixtures, "checks": self.checks}
        out.write_text(json.dumps(data), encoding="utf-8")


_PRINTS = pytest.StashKey[dict[str, dict[str, str]]]()


def pytest_configure(config: pytest.Config) -> None:
    folder = os.environ.get(ENV)
    if folder:
        profiler = Profiler(folder, os.environ.get(FINGERPRINT_ENV) == "1")
        config.pluginmanager.register(profiler, "migrate-fixtures-profiler")


REVERSE_ENV = "MIGRATE_FIXTURES_REVERSE"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """``MIGRATE_FIXTURES_REVERSE=1`` runs the tests in reverse collection order (every
    xdist worker reverses alike, so their collections still agree)."""
    if os.environ.get(REVERSE_ENV) == "1":
        items.reverse()
