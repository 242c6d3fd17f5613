"""The embedded broker: one server per DATA_DIR, found again, cleaned up, durable."""

from __future__ import annotations

import os
import signal
import subprocess

import pytest

from tests.integration.harness import (
    distinct_articles,
    invoke_cli,
    newsdesk_command,
    newsdesk_env,
    processes_for_data_dir,
    run_cli,
    settings_from_env,
    submit_articles,
    wait_for_jobs,
)
from worker import embedded

pytestmark = pytest.mark.integration


def test_commands_racing_to_start_the_server_start_one(data_dir):
    env = newsdesk_env(data_dir)
    racers = [
        subprocess.Popen(
            [*newsdesk_command(), "server", "start"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [racer.communicate(timeout=120) for racer in racers]

    assert [racer.returncode for racer in racers] == [0, 0, 0, 0], outputs
    lines = [out.strip() for out, _ in outputs]
    assert sum(line.startswith("started") for line in lines) == 1, lines
    assert sum(line.startswith("already running") for line in lines) == 3, lines
    assert len({line.split("pid ")[1].split(",")[0] for line in lines}) == 1
    assert len(processes_for_data_dir(data_dir)) == 1


def test_a_stale_pid_file_and_socket_are_replaced(data_dir):
    files = embedded.BrokerFiles.of(data_dir)
    dead = subprocess.Popen(["true"])
    dead.wait()
    files.pidfile.write_text(f"{dead.pid}\n")
    files.socket.touch()

    server = embedded.ensure_running(data_dir)

    assert server.started
    assert int(files.pidfile.read_text()) == server.pid != dead.pid
    assert embedded.running_pid(files) == server.pid


def test_a_killed_server_is_found_dead_and_started_again(data_dir):
    first = embedded.ensure_running(data_dir)
    os.kill(first.pid, signal.SIGKILL)

    second = embedded.ensure_running(data_dir)

    assert second.started and second.pid != first.pid


def test_server_status_start_stop(data_dir):
    env = newsdesk_env(data_dir)
    stopped = invoke_cli(["server", "status"], env)
    assert stopped.exit_code == 3
    assert "stopped" in stopped.stdout
    assert str(data_dir / "broker-aof") in stopped.stdout

    assert invoke_cli(["server", "start"], env).stdout.startswith("started: pid ")
    running = invoke_cli(["server", "status"], env)
    assert running.exit_code == 0
    assert "newsdesk.analysis: 0" in running.stdout

    stop = run_cli(["server", "stop"], env)
    assert stop.stdout.startswith("stopped pid ")
    assert processes_for_data_dir(data_dir) == []
    assert invoke_cli(["server", "stop"], env).stdout.strip() == "not running"


def test_queued_jobs_survive_a_restart_of_the_server(data_dir, start_worker, open_store):
    env = newsdesk_env(data_dir)
    settings = settings_from_env(env)
    store = open_store(settings.resolved_store_url)
    job_ids = submit_articles(settings, distinct_articles(4), store=store)
    files = embedded.BrokerFiles.of(data_dir)
    assert embedded.queue_lengths(files, ["newsdesk.analysis"])["newsdesk.analysis"] == 4

    embedded.stop(data_dir)
    assert embedded.running_pid(files) is None
    start_worker(env)  # starts the server again, which replays its append-only file

    records = wait_for_jobs(store, job_ids, timeout=120)
    assert {record.state for record in records.values()} == {"succeeded"}
