"""What each worker process holds: the spaCy pipeline (shared) and a Store (its own).

The parent loads the pipeline and the rule tables before it forks the pool, so children
share them copy-on-write and start in milliseconds (Celery kills a child whose start-up hook
takes more than about 4 seconds). A Store, with its database engine, is made in the
process that uses it: keyed by pid, so an inherited one is never used.
"""

from __future__ import annotations

import functools
import logging
import os

from celery import signals

from newsdesk.pipeline import Analyzer, load_nlp
from store import Store, StoreError
from worker import embedded
from worker.settings import Settings

log = logging.getLogger(__name__)

_settings: Settings | None = None
_store: tuple[int, Store] | None = None


def install(settings: Settings) -> None:
    """Keep this process's settings and hook the worker's start-up and fork."""
    global _settings
    _settings = settings
    signals.worker_init.connect(_prepare_parent, weak=False, dispatch_uid="newsdesk.parent")
    signals.worker_process_init.connect(_open_child, weak=False, dispatch_uid="newsdesk.child")
    signals.worker_process_shutdown.connect(
        _close_child, weak=False, dispatch_uid="newsdesk.child_exit"
    )


def settings() -> Settings:
    if _settings is None:
        raise RuntimeError("worker.resources.install(settings) was not called in this process")
    return _settings


@functools.cache
def analyzer() -> Analyzer:
    return Analyzer(load_nlp(settings().spacy_model))


def store() -> Store:
    """This process's Store, opened on first use after any fork."""
    global _store
    if _store is None or _store[0] != os.getpid():
        _store = (os.getpid(), Store.open(settings().resolved_store_url))
    return _store[1]


def close_store() -> None:
    global _store
    if _store is not None and _store[0] == os.getpid():
        _store[1].dispose()
    _store = None


def _prepare_parent(**_: object) -> None:
    current = settings()
    if current.embedded:
        server = embedded.ensure_running(current.data_dir)
        log.info("embedded broker pid %s on %s", server.pid, server.files.socket)
    # Migrate once here rather than racing in every child; the engine is not kept.
    try:
        Store.open(current.resolved_store_url).dispose()
    except StoreError as exc:
        log.warning("store not reachable at start-up (%s); jobs will retry until it is", exc)
    analyzer().warm_up()
    log.info("spaCy pipeline and rule tables loaded before forking the pool")


def _open_child(**_: object) -> None:
    try:
        store()
    except StoreError as exc:  # tasks open it again on first use, and retry while it is down
        log.warning("store not reachable in a new worker process: %s", exc)


def _close_child(**_: object) -> None:
    close_store()
