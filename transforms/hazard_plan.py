"""The parallel hazards of a module that the plan leaves in place, as reported refusals.

What it does: collects the hazards every setup of a module has (fixed paths, files in the
working directory, ports, environment writes, process-wide state not put back: MF201-MF205),
minus the ones the plan's rewrites remove, plus those read from existing pytest fixtures.
Why: ``--hazards`` and every report show what could still collide under pytest-xdist; the
same answer before and after a migration.
Example: ``self.db = "/tmp/app.db"`` that another module also writes stays ``MF201``.
Refuses when: never; hazards are reported, not refused.
"""

from __future__ import annotations

from collections.abc import Mapping

from transforms.codes import Code, Refusal
from transforms.facts import BodyFacts
from transforms.index import ModuleInfo
from transforms.plan_types import LevelPlan
from transforms.temp_facts import restored


def _hazards(
    module: ModuleInfo, classes: Mapping[str, tuple[LevelPlan, ...]], module_plan: LevelPlan | None
) -> tuple[Refusal, ...]:
    """Parallel hazards of every setup in the module, except the paths the plan moves."""
    moved = {line for plans in classes.values() for p in plans for line in p.temp_lines}
    moved |= set(module_plan.temp_lines) if module_plan else set()
    found: list[Refusal] = []
    for owner, methods in _owners(module):
        for facts in methods.values():
            for hazard in facts.hazards:
                # Environment writes in a teardown put a value back: not a hazard.
                restores = hazard.code == "MF204" and facts.name.startswith("tearDown")
                if hazard.line not in moved and not restores:
                    found.append(
                        Refusal(Code(hazard.code), module.path, hazard.line, owner, hazard.message)
                    )
    found += _leaks(module)
    for owner, hazard in module.fixture_hazards:
        found.append(Refusal(Code(hazard.code), module.path, hazard.line, owner, hazard.message))
    return tuple(sorted(set(found), key=lambda r: (r.line, r.code.value)))


def _owners(module: ModuleInfo) -> list[tuple[str | None, Mapping[str, BodyFacts]]]:
    """The module's lifecycle functions (owner None), then each class's lifecycle methods."""
    return [(None, module.functions), *((c.name, c.methods) for c in module.classes)]


PARTNERS = {"setUp": "tearDown", "setUpClass": "tearDownClass", "setUpModule": "tearDownModule"}


def _leaks(module: ModuleInfo) -> list[Refusal]:
    """MF205: process-wide state a setup changes and neither its teardown nor its cleanups
    put back. Under xdist, which later tests of a worker see the change depends on how the
    tests were scheduled, so a suite that passed serially can fail in parallel."""
    found: list[Refusal] = []
    for owner, methods in _owners(module):
        for name, partner in PARTNERS.items():
            setup = methods.get(name)
            if setup is None or not setup.state_writes:
                continue
            teardown = methods.get(partner)
            mentioned = setup.restore_mentions | (teardown.restore_mentions if teardown else set())
            for group, line, attribute in setup.state_writes:
                if not restored(group, attribute, mentioned):
                    message = f"{name} changes {group} and {partner} does not put it back"
                    found.append(Refusal(Code.LEAKED_STATE, module.path, line, owner, message))
    return found
