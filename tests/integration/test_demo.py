"""`newsdesk demo` on a fresh DATA_DIR as a new user runs it: a report, no process left."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from tests.integration.harness import newsdesk_env, processes_for_data_dir, run_cli

pytestmark = pytest.mark.integration


def test_demo_reports_every_sample_and_leaves_no_process_behind(data_dir):
    env = newsdesk_env(data_dir)

    demo = run_cli(["demo"], env, timeout=300)

    assert demo.returncode == 0, demo.stdout + demo.stderr
    index = json.loads(resources.files("newsdesk").joinpath("samples/samples.json").read_text())
    for entry in index["articles"]:
        assert entry["file"] in demo.stdout
    for table in ("Entities", "Quotes", "Amounts", "Dates"):
        assert table in demo.stdout
    assert f"Results are stored in sqlite:///{data_dir}" in demo.stdout
    assert "embedded broker stopped" in demo.stderr
    assert processes_for_data_dir(data_dir) == []
    assert not (data_dir / "broker.pid").exists()

    stats = run_cli(["stats", "--json"], env)
    counts = json.loads(stats.stdout)
    assert counts["articles"] == len(index["articles"])
    assert counts["jobs"] == {"pending": 0, "succeeded": len(index["articles"]), "failed": 0}
