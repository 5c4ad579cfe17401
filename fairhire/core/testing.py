"""Test support shared by every app: a real FairHire server in a subprocess for browser tests.

The server runs ``manage.py runserver`` against its own fresh database (a SQLite file, or a
scratch PostgreSQL database when the suite runs on PostgreSQL), exactly as ``make run`` does,
so browser tests exercise the product as a person meets it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


# Base URL of each running site -> its environment, so a test can run manage.py against the
# site's own database (e.g. demo_data, totp_code) with ``manage_live``.
LIVE_SITES: dict[str, dict[str, str]] = {}


def manage_live(url: str, *args: str) -> str:
    return subprocess.run([sys.executable, str(REPO / "manage.py"), *args], env=LIVE_SITES[url],
                          cwd=REPO, check=True, capture_output=True, text=True,
                          timeout=120).stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def _scratch_database(base_url: str | None) -> Iterator[str | None]:
    """A throwaway PostgreSQL database when the suite runs on PostgreSQL; None for SQLite."""
    if not base_url or not base_url.startswith(("postgres://", "postgresql://")):
        yield None
        return
    import psycopg

    name = f"fairhire_e2e_{uuid.uuid4().hex[:10]}"
    server = base_url.rsplit("/", 1)[0]
    # The maintenance database exists on every server, whatever the suite's own is called.
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(server + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def running_site(var_dir: Path) -> Iterator[str]:
    """Migrate a fresh database and serve it; yields the base URL."""
    with _scratch_database(os.environ.get("FAIRHIRE_DATABASE_URL")) as database_url:
        env = {**os.environ, "FAIRHIRE_VAR_DIR": str(var_dir), "FAIRHIRE_DEBUG": "1",
               "FAIRHIRE_EMAIL_BACKEND": "file"}
        if database_url:
            env["FAIRHIRE_DATABASE_URL"] = database_url
        else:
            env.pop("FAIRHIRE_DATABASE_URL", None)
        manage = [sys.executable, str(REPO / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True,
                       cwd=REPO, timeout=300)
        port = _free_port()
        log = (var_dir / "server.log").open("w")
        server = subprocess.Popen([*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
                                  env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        LIVE_SITES[url] = env
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 (our own server)
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("the test server did not start: "
                                           + (var_dir / "server.log").read_text()) from None
                    time.sleep(0.2)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.close()


def run_queued_tasks() -> int:
    """Run every ready task on the real database queue with django-tasks-db's own worker.

    This is ``manage.py db_worker --batch`` minus its connection recycling, which would close
    the connection that holds the test's transaction. Returns how many tasks ran.
    """
    from django.db import transaction
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(queue_names=["*"], excluded_queue_names=[], interval=0, batch=True,
                    backend_name="default", startup_delay=False, max_tasks=None,
                    worker_id="test-worker")
    ran = 0
    while True:
        with transaction.atomic():
            result = DBTaskResult.objects.ready().get_locked()
            if result is None:
                return ran
            result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
