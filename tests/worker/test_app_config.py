"""The Celery configuration that gives at-least-once delivery (issue 11), read from Settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from celery.app.utils import find_app

from worker import constants
from worker.app import celery_config, create_app
from worker.settings import Settings


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path, visibility_timeout=600, task_time_limit=300)


def test_only_json_is_accepted(settings):
    config = celery_config(settings)
    assert config["accept_content"] == ["json"]
    assert config["result_accept_content"] == ["json"]
    assert config["task_serializer"] == config["result_serializer"] == "json"


def test_messages_are_acknowledged_late_and_requeued_when_a_worker_dies(settings):
    config = celery_config(settings)
    assert config["task_acks_late"] is True
    assert config["task_reject_on_worker_lost"] is True
    assert config["worker_prefetch_multiplier"] == 1


def test_the_visibility_timeout_is_the_same_for_broker_and_results_and_outlasts_the_time_limit(
    settings,
):
    config = celery_config(settings)
    broker = config["broker_transport_options"]["visibility_timeout"]
    results = config["result_backend_transport_options"]["visibility_timeout"]
    assert broker == results == 600
    assert config["task_soft_time_limit"] < config["task_time_limit"] < broker


def test_settings_refuse_a_time_limit_longer_than_the_visibility_timeout(tmp_path):
    with pytest.raises(ValueError, match="VISIBILITY_TIMEOUT"):
        Settings(data_dir=tmp_path, visibility_timeout=60, task_time_limit=90)


def test_broker_connections_retry_forever_and_detect_dead_peers(settings):
    config = celery_config(settings)
    assert config["broker_connection_retry_on_startup"] is True
    assert config["broker_connection_max_retries"] is None
    options = config["broker_transport_options"]
    assert options["socket_timeout"] > 0
    assert options["health_check_interval"] > 0
    assert options["unacked_restore_throttle"] == 1


def test_keepalive_is_set_for_tcp_brokers_but_not_for_the_unix_socket(tmp_path):
    tcp = celery_config(Settings(data_dir=tmp_path, broker_url="redis://127.0.0.1:6379/3"))
    assert tcp["broker_transport_options"]["socket_keepalive"] is True
    local = celery_config(Settings(data_dir=tmp_path))
    assert "socket_keepalive" not in local["broker_transport_options"]
    assert local["broker_url"] == f"redis+socket://{tmp_path.resolve() / 'broker.sock'}"
    assert local["result_backend"] == local["broker_url"]


def test_analysis_is_routed_to_its_own_queue_with_its_own_key(settings):
    app = create_app(settings)
    route = app.amqp.router.route({}, constants.ANALYZE_ARTICLE)
    queue = route["queue"]
    assert queue.name == constants.ANALYSIS_QUEUE
    assert queue.routing_key == constants.ANALYSIS_QUEUE
    assert queue.exchange.name == constants.ANALYSIS_QUEUE


def test_the_beat_schedule_comes_from_settings(tmp_path):
    schedule = {"nightly": {"task": "newsdesk.example", "every": 3600, "args": [1]}}
    config = celery_config(Settings(data_dir=tmp_path, schedule=schedule))
    entry = config["beat_schedule"]["nightly"]
    assert entry["task"] == "newsdesk.example"
    assert entry["schedule"].total_seconds() == 3600
    assert entry["args"] == [1]
    assert Path(config["beat_schedule_filename"]).parent == tmp_path


def test_celery_dash_a_worker_finds_the_app_with_the_analysis_task():
    app = find_app("worker")
    app.loader.import_default_modules()
    assert app.main == "newsdesk"
    assert constants.ANALYZE_ARTICLE in app.tasks
