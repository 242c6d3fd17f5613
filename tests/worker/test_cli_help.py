"""Every command teaches its use with --help (run in process: no broker needed)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from worker.cli import app

COMMANDS = [
    [], ["analyze"], ["schema"], ["submit"], ["status"], ["result"], ["failures"], ["stats"],
    ["worker"], ["beat"], ["server"], ["server", "status"], ["server", "start"],
    ["server", "stop"], ["demo"],
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "newsdesk")
def test_every_command_has_help(command):
    shown = CliRunner().invoke(app, [*command, "--help"])
    assert shown.exit_code == 0, shown.output
    assert "Usage:" in shown.output
    assert len(shown.output.splitlines()) > 5
