"""docker-compose.yml, checked without Docker: every command is a real entry point of newsdesk."""

from __future__ import annotations

import tomllib

import pytest
import typer.main
import yaml

from tests.support import REPO_ROOT
from worker.cli import app
from worker.settings import Settings


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def scripts() -> dict:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    return project["scripts"]


def _ours(compose: dict) -> dict:
    """Services that run the project's image."""
    return {
        name: service
        for name, service in compose["services"].items()
        if service.get("image", "").startswith("newsdesk") or "build" in service
    }


def test_the_deployment_has_its_five_services(compose):
    assert {"redis", "postgres", "worker", "beat", "flower"} <= set(compose["services"])
    assert set(_ours(compose)) == {"worker", "beat"}


def test_every_project_command_is_a_console_script_and_a_real_subcommand(compose, scripts):
    commands = typer.main.get_command(app).commands
    for name, service in _ours(compose).items():
        program, subcommand, *_ = service["command"]
        assert program in scripts, name
        assert scripts[program] == "worker.cli:main"
        assert subcommand in commands, f"{name}: newsdesk has no command {subcommand!r}"


def test_the_image_is_built_from_this_repository(compose):
    build = compose["services"]["worker"]["build"]
    assert (
        REPO_ROOT / (build if isinstance(build, str) else build["context"]) / "Dockerfile"
    ).exists()


def test_every_newsdesk_variable_is_a_setting(compose):
    fields = {f"NEWSDESK_{name.upper()}" for name in Settings.model_fields}
    for name, service in _ours(compose).items():
        environment = service["environment"]
        assert {"NEWSDESK_BROKER_URL", "NEWSDESK_STORE_URL"} <= set(environment), name
        assert set(environment) <= fields, set(environment) - fields
        Settings.model_validate(
            {k.removeprefix("NEWSDESK_").lower(): v for k, v in environment.items()}
        )


def test_workers_scale_and_beat_runs_once(compose):
    worker = compose["services"]["worker"]
    assert "container_name" not in worker and "ports" not in worker
    assert compose["services"]["beat"]["deploy"]["replicas"] == 1


def test_redis_persists_with_an_append_only_file(compose):
    command = compose["services"]["redis"]["command"]
    assert command[command.index("--appendonly") + 1] == "yes"


def test_flower_watches_the_broker_the_workers_use(compose):
    broker = compose["services"]["worker"]["environment"]["NEWSDESK_BROKER_URL"]
    assert f"--broker={broker}" in compose["services"]["flower"]["command"]
