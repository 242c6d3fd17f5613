"""The README documents every setting and every command, and its Quickstart is two commands."""

from __future__ import annotations

import re

import typer.main

from tests.support import REPO_ROOT
from worker.cli import app
from worker.settings import Settings

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_configuration_table():
    for name in Settings.model_fields:
        assert f"| `NEWSDESK_{name.upper()}` |" in README, name


def test_every_command_is_documented():
    for name in typer.main.get_command(app).commands:
        assert f"`newsdesk {name}" in README, name


def test_the_quickstart_is_exactly_make_demo_and_make_test():
    quickstart = README.split("## Quickstart", 1)[1]
    block = re.search(r"```sh\n(.*?)```", quickstart, re.DOTALL).group(1)
    assert block.split("\n")[:-1] == ["make demo", "make test"]
