"""The one Celery app module: its whole configuration, built from Settings.

Configured for at-least-once delivery (see docs/reliability.md): a message is
acknowledged only after its job is recorded as finished, a message whose worker died
is requeued (or restored after the visibility timeout), and every write a task makes
is idempotent, so running a job twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from celery import Celery
from kombu import Exchange, Queue

from worker import constants
from worker.embedded import broker_url as embedded_broker_url
from worker.settings import Settings

#: Seconds between sweeps that restore messages of dead workers once their visibility
#: timeout has passed; kombu's default waits up to 100 s beyond the timeout.
_RESTORE_SWEEP_SECONDS = 2


def broker_url(settings: Settings) -> str:
    return settings.broker_url or embedded_broker_url(settings.data_dir)


def create_app(settings: Settings) -> Celery:
    """A Celery app for producers (send_task) and workers (see worker/celery.py)."""
    app = Celery("newsdesk", set_as_current=False)
    app.conf.update(celery_config(settings))
    return app


def _queue(name: str) -> Queue:
    # Its own exchange and key: a message routed to one queue never lands in another.
    return Queue(name, Exchange(name, type="direct"), routing_key=name)


def celery_config(settings: Settings) -> dict[str, Any]:
    broker = broker_url(settings)
    transport_options: dict[str, Any] = {
        "visibility_timeout": settings.visibility_timeout,
        "unacked_restore_interval": _RESTORE_SWEEP_SECONDS,
        "unacked_restore_throttle": 1,
        "socket_timeout": settings.broker_socket_timeout,
        "health_check_interval": settings.broker_health_check_interval,
        "retry_on_timeout": True,
    }
    backend_options: dict[str, Any] = {
        "redis_socket_timeout": settings.broker_socket_timeout,
        "redis_retry_on_timeout": True,
        "redis_backend_health_check_interval": settings.broker_health_check_interval,
    }
    if not _is_unix_socket(broker):
        # TCP only: keepalive exposes a half-open connection that no packet would reveal.
        transport_options.update(socket_connect_timeout=10, socket_keepalive=True)
        backend_options.update(redis_socket_connect_timeout=10, redis_socket_keepalive=True)
    return {
        "broker_url": broker,
        "result_backend": settings.result_backend or broker,
        # JSON only: a pickle message is rejected, never executed.
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "result_accept_content": ["json"],
        # At least once: ack after the job is recorded; requeue when the worker dies.
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "task_acks_on_failure_or_timeout": True,
        "worker_prefetch_multiplier": 1,
        # Cancel running jobs when the broker connection drops. Left running, their messages
        # can never be acked and keep the prefetch window full: the worker stops consuming
        # after it reconnects. Cancelled, a job whose cancellation cannot be recorded (the
        # backend is the same dead Redis) may be acked as revoked; the reconciler re-runs it.
        "worker_cancel_long_running_tasks_on_connection_loss": True,
        "task_soft_time_limit": settings.task_soft_time_limit,
        "task_time_limit": settings.task_time_limit,
        "worker_max_tasks_per_child": settings.max_tasks_per_child,
        "worker_max_memory_per_child": settings.max_memory_per_child,
        "worker_soft_shutdown_timeout": settings.soft_shutdown_timeout,
        "worker_enable_soft_shutdown_on_idle": False,
        "broker_connection_retry": True,
        "broker_connection_retry_on_startup": True,
        "broker_connection_max_retries": None,
        "broker_transport_options": transport_options,
        "result_backend_transport_options": {
            "visibility_timeout": settings.visibility_timeout,
            "retry_policy": {"timeout": settings.broker_socket_timeout},
        },
        **backend_options,
        "result_expires": dt.timedelta(days=1),
        # The store is the record of every job; results in the backend are a convenience.
        "result_extended": False,
        "task_default_queue": constants.DEFAULT_QUEUE,
        "task_queues": (_queue(constants.ANALYSIS_QUEUE), _queue(constants.DEFAULT_QUEUE)),
        "task_default_exchange": constants.DEFAULT_QUEUE,
        "task_default_routing_key": constants.DEFAULT_QUEUE,
        "task_routes": {constants.ANALYZE_ARTICLE: {"queue": constants.ANALYSIS_QUEUE}},
        "include": ["tasks.analyze", "tasks.reconcile"],
        "beat_schedule": {
            name: {
                "task": entry.task,
                "schedule": dt.timedelta(seconds=entry.every),
                "args": entry.args,
                "kwargs": entry.kwargs,
            }
            for name, entry in settings.schedule.items()
        },
        "beat_schedule_filename": str(settings.data_dir / constants.BEAT_SCHEDULE_FILE),
        "timezone": "UTC",
        "enable_utc": True,
        "worker_hijack_root_logger": True,
        "worker_log_color": False,
    }


def _is_unix_socket(url: str) -> bool:
    return url.split("://", 1)[0].endswith("socket")
