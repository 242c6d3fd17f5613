"""Every magic string of the shell in one place: queues, task names, key prefixes, file names.

Producers, workers, beat, docker-compose and the tests all read these names from here.
"""

from __future__ import annotations

# Queues, one per kind of work, so that analysis can be scaled apart from ingestion.
ANALYSIS_QUEUE = "newsdesk.analysis"
DEFAULT_QUEUE = "newsdesk.default"

# Task names are part of the wire format: messages name them, so they never change.
ANALYZE_ARTICLE = "newsdesk.analyze_article"
RECONCILE_JOBS = "newsdesk.reconcile_jobs"

# Job kinds recorded in the store; each maps to the task that does it.
KIND_ANALYZE = "analyze"
TASK_FOR_KIND = {KIND_ANALYZE: ANALYZE_ARTICLE}

# Files of the embedded broker inside DATA_DIR.
BROKER_SOCKET = "broker.sock"
BROKER_PIDFILE = "broker.pid"
BROKER_LOCKFILE = "broker.lock"
BROKER_CONFIG = "broker.conf"
BROKER_LOG = "broker.log"
BROKER_AOF_DIR = "broker-aof"
BROKER_RDB = "broker.rdb"

# The SQLite store of the embedded default.
STORE_FILE = "newsdesk.sqlite"

# Error codes the shell adds to the core's (newsdesk.errors): the job, not the article, failed.
CODE_WORKER_LOST = "worker_lost"
CODE_RETRIES_EXHAUSTED = "retries_exhausted"
CODE_TIME_LIMIT = "time_limit"
CODE_INVALID = "invalid"
CODE_INTERNAL = "internal"

#: A job whose process died on this many attempts is failed instead of being run again.
MAX_ATTEMPTS = 3

# Beat keeps the last run of each periodic task here (inside DATA_DIR).
BEAT_SCHEDULE_FILE = "beat-schedule"
