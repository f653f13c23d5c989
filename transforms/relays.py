"""Relay fixtures: what a cooperative mixin's ``super()`` reaches in this test class.

What it does: for each class of the plan's ``relays`` (see ``transforms.relay_plan``), writes
before the first method of the class (after its docstring and attributes) a fixture named as
the mixin's fixture requests it, which requests the fixture of the class that follows the
mixin in this class's MRO (or nothing, when ``super()`` reaches ``unittest.TestCase``)::

    @pytest.fixture
    def _logging_mixin_next(self, _server_setup):
        \"\"\"LoggingMixin's super() calls reach Server here.\"\"\"

Why: the mixin's one fixture cannot name its successor; pytest resolves the name it requests
on the test's class, through the MRO, as unittest resolved ``super()``.
Refuses when: never; see the plan.
"""

from __future__ import annotations

import libcst as cst

from transforms.kept_lifecycle import BLANK
from transforms.lifecycle import ModuleClassesTransform
from transforms.plan_types import Relay

RELAYS = "relays"


class Relays(ModuleClassesTransform):
    """Adds the relay fixtures of ``FilePlan.relays``."""

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.ClassDef:
        relays = self.plan.relays.get(updated_node.name.value)
        if not relays or id(original_node) not in self.top_level:
            return updated_node
        self.context.scratch[RELAYS] = True
        body = updated_node.body
        statements: list[cst.BaseStatement]
        if isinstance(body, cst.SimpleStatementSuite):  # ``class T(Mixin, Base): pass``
            statements = [cst.SimpleStatementLine(body=body.body)]
            body = cst.IndentedBlock(body=[])
        else:
            statements = [s for s in body.body if isinstance(s, cst.BaseStatement)]
        # The relays give the body a statement: a bare ``pass`` has nothing left to hold.
        statements = [s for s in statements if not _bare_pass(s)]
        at = _after_attributes(statements)
        following = statements[at] if at < len(statements) else None
        if following is not None and not getattr(following, "leading_lines", True):
            statements[at] = following.with_changes(leading_lines=[BLANK])
        new = [self._relay(r, first=at == 0 and i == 0) for i, r in enumerate(relays)]
        statements[at:at] = new
        return updated_node.with_changes(body=body.with_changes(body=statements))

    def _relay(self, relay: Relay, first: bool) -> cst.FunctionDef:
        node = _call_relay(relay) if relay.method else self._fixture_relay(relay)
        return node if first else node.with_changes(leading_lines=[BLANK])

    def _fixture_relay(self, relay: Relay) -> cst.FunctionDef:
        pytest = self.plan.pytest_name
        reached = f"{relay.mixin}'s super() calls reach"
        if relay.level == "function":
            decorators, param = f"@{pytest}.fixture\n", "self"
        else:
            decorators, param = f'@{pytest}.fixture(scope="class")\n@classmethod\n', "cls"
        params = f"{param}, {relay.target}" if relay.target else param
        doc = (
            f"{reached} {relay.reached} here."
            if relay.target
            else f"{reached} unittest.TestCase here: nothing runs."
        )
        code = f'{decorators}def {relay.name}({params}):\n    """{doc}"""\n'
        node = cst.parse_statement(code)
        assert isinstance(node, cst.FunctionDef)
        return node


def _call_relay(relay: Relay) -> cst.FunctionDef:
    """Calls style: ``def _mixin_next_set_up(self): self._base_set_up()``."""
    param = "self" if relay.level == "function" else "cls"
    reached = f"After {relay.mixin}, {relay.method}() reaches {relay.reached} here"
    if relay.target:
        body = f'    """{reached}."""\n    {param}.{relay.target}()\n'
    else:
        body = f'    """{reached}: nothing runs."""\n'
    decorator = "" if relay.level == "function" else "@classmethod\n"
    node = cst.parse_statement(f"{decorator}def {relay.name}({param}):\n{body}")
    assert isinstance(node, cst.FunctionDef)
    return node


def _bare_pass(stmt: cst.BaseStatement) -> bool:
    """A ``pass`` line without a comment before or after it."""
    return (
        isinstance(stmt, cst.SimpleStatementLine)
        and len(stmt.body) == 1
        and isinstance(stmt.body[0], cst.Pass)
        and stmt.trailing_whitespace.comment is None
        and not any(line.comment for line in stmt.leading_lines)
    )


def _after_attributes(body: list[cst.BaseStatement]) -> int:
    """Where the relay goes: after the docstring and the class attributes that open the
    body (simple statements), before the first method."""
    at = 0
    while at < len(body) and isinstance(body[at], cst.SimpleStatementLine):
        at += 1
    return at
