"""Every `newsdesk` command as a user runs it, on the embedded default with nothing configured.

One worker (started with `newsdesk worker`) serves the whole module. `submit` runs as the
installed console script in its own process; the read-only commands run in this process
(the same code, much faster), all against the same DATA_DIR.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from newsdesk.contracts import Analysis
from tests.integration.harness import (
    WorkerProcess,
    invoke_cli,
    newsdesk_command,
    newsdesk_env,
    run_cli,
    stop_embedded,
)

pytestmark = pytest.mark.integration

ARTICLE = (
    "Brightwater Energy said on Monday it would close its plant in Ashford by June. "
    '"We did not take this decision lightly," said Clara Moss, the company\'s chief '
    "executive. She said the closure would save about $30 million a year.\n"
)


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    """(env, inputs folder): a fresh DATA_DIR with `newsdesk worker` running on it."""
    data_dir = Path(tempfile.mkdtemp(prefix="nd-cli-", dir="/tmp"))
    env = newsdesk_env(data_dir)
    files = tmp_path_factory.mktemp("inputs")
    worker = WorkerProcess(
        env,
        log_path=files / "worker.log",
        command=[*newsdesk_command(), "worker", "--concurrency", "1", "--loglevel", "INFO",
                 "--without-heartbeat", "--without-gossip", "--without-mingle"],
    )  # fmt: skip
    try:
        worker.start()
        yield env, files
    finally:
        worker.stop()
        stop_embedded(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


def _write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def _stats(env) -> dict:
    return json.loads(invoke_cli(["stats", "--json"], env).stdout)


def test_submit_wait_prints_the_job_id_and_the_report(cli):
    env, files = cli
    path = _write(files, "plant.txt", ARTICLE.encode())

    submitted = run_cli(["submit", "--published", "2026-05-04", "--wait", path], env)

    assert submitted.returncode == 0, submitted.stderr
    job_id = submitted.stdout.splitlines()[0]
    assert len(job_id) == 36
    assert "Clara Moss" in submitted.stdout
    assert "analysing" in submitted.stderr

    status = invoke_cli(["status", job_id], env)
    assert "state     succeeded" in status.stdout
    assert "attempts  1" in status.stdout
    result = invoke_cli(["result", job_id, "--json"], env)
    analysis = Analysis.model_validate_json(result.stdout)
    assert analysis.article.published.isoformat() == "2026-05-04"
    assert "Quotes" in invoke_cli(["result", job_id], env).stdout


def test_the_same_file_submitted_twice_is_stored_once(cli):
    env, files = cli
    path = _write(files, "twice.txt", ("Update. " + ARTICLE).encode())
    before = _stats(env)

    first = invoke_cli(["submit", "--wait", path], env)
    second = invoke_cli(["submit", "--wait", path], env)

    assert first.exit_code == second.exit_code == 0
    assert first.stdout.splitlines()[0] != second.stdout.splitlines()[0]
    after = _stats(env)
    assert after["articles"] == before["articles"] + 1
    assert after["jobs"]["succeeded"] == before["jobs"]["succeeded"] + 2
    assert set(after) == {"articles", "quotes", "entities", "jobs"}
    assert set(after["jobs"]) == {"pending", "succeeded", "failed"}
    assert f"articles  {after['articles']}" in invoke_cli(["stats"], env).stdout


@pytest.mark.parametrize(
    ("name", "data", "code", "reason"),
    [
        ("empty.txt", b"  \n\n", "empty", "is empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary", "binary"),
        ("latin1.txt", "Caf\u00e9 news from M\u00e1laga.".encode("latin-1"), "not_utf8", "UTF-8"),
        (
            "francais.txt",
            (
                "Le conseil municipal a vot\u00e9 mardi soir le budget de la ville pour "
                "l'ann\u00e9e prochaine. Selon le maire, les travaux du pont commenceront "
                "au printemps et dureront deux ans, avec une enveloppe de douze millions."
            ).encode(),
            "not_english",
            "English",
        ),
    ],
)
def test_submit_refuses_unreadable_files_and_records_nothing(cli, name, data, code, reason):
    env, files = cli
    before = _stats(env)["jobs"]

    refused = run_cli(["submit", _write(files, name, data)], env)

    assert refused.returncode == 1
    assert refused.stdout == ""
    assert f"refused ({code})" in refused.stderr
    assert reason in refused.stderr
    assert name in refused.stderr
    assert _stats(env)["jobs"] == before


def test_a_job_that_fails_in_the_worker_shows_its_code_and_reason(cli):
    env, files = cli
    page = _write(files, "empty.html", b"<html><body><script>var a = 1;</script></body></html>")

    submitted = run_cli(["submit", "--wait", page], env)

    assert submitted.returncode == 1
    job_id = submitted.stdout.splitlines()[0]
    status = invoke_cli(["status", job_id], env)
    assert status.exit_code == 0
    assert "state     failed" in status.stdout
    assert "error     empty: no article text could be extracted" in status.stdout
    assert json.loads(invoke_cli(["status", job_id, "--json"], env).stdout)["error_code"] == "empty"

    result = invoke_cli(["result", job_id], env)
    assert result.exit_code == 1
    assert "failed (empty)" in result.stderr

    failures = json.loads(invoke_cli(["failures", "--json"], env).stdout)
    assert {"job_id": job_id, "code": "empty"}.items() <= failures[0].items()
    assert job_id in invoke_cli(["failures"], env).stdout


def test_unknown_job_ids_are_a_clear_error(cli):
    env, _ = cli
    for command in (["status", "no-such-job"], ["result", "no-such-job"]):
        shown = invoke_cli(command, env)
        assert shown.exit_code == 1
        assert "no job with id 'no-such-job'" in shown.stderr


def test_submit_reads_standard_input(cli):
    env, _ = cli
    submitted = invoke_cli(["submit", "--wait", "-"], env, input=("Later: " + ARTICLE).encode())
    assert submitted.exit_code == 0, submitted.stderr
    assert "Clara Moss" in submitted.stdout
