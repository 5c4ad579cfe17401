"""The restore drill (SECURITY.md control 21): back up a live database, restore it into a
scratch one, and verify the ledger there against the checkpoint taken at backup time.

It runs the real commands in subprocesses against databases of their own, because pg_dump sees
only committed data and the test's own database never commits.
"""

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db, pytest.mark.req("R26")]

REPO = Path(__file__).resolve().parents[4]
SEED = ("from fairhire.ledger.tests.factories import append_entries; "
        "from fairhire.ledger.services import checkpoint_sign; "
        "append_entries(12); checkpoint_sign()")


@contextmanager
def scratch_databases(tmp_path: Path, names: tuple[str, ...]):
    """URLs of empty databases of the suite's own kind (PostgreSQL or SQLite files)."""
    base = os.environ.get("FAIRHIRE_DATABASE_URL", "")
    if connection.vendor != "postgresql":
        yield {name: f"sqlite:///{tmp_path / name}.sqlite3" for name in names}
        return
    import psycopg

    created = {name: f"fh_ledger_drill_{uuid.uuid4().hex[:8]}" for name in names}
    server = base.rsplit("/", 1)[0]
    # The suite's database itself may not exist (pytest-django uses test_<name>).
    maintenance = server + "/postgres"
    with psycopg.connect(maintenance, autocommit=True) as conn:
        for db in created.values():
            conn.execute(f'CREATE DATABASE "{db}"')
    try:
        yield {name: f"{server}/{db}" for name, db in created.items()}
    finally:
        with psycopg.connect(maintenance, autocommit=True) as conn:
            for db in created.values():
                conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def manage(*args: str, database: str, var: Path, check: bool = True):
    env = {**os.environ, "FAIRHIRE_DATABASE_URL": database, "FAIRHIRE_VAR_DIR": str(var)}
    result = subprocess.run([sys.executable, str(REPO / "manage.py"), *args], env=env, cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_a_backup_restored_into_a_scratch_database_passes_ledger_verify(tmp_path):
    var = tmp_path / "var"
    with scratch_databases(tmp_path, ("live", "restored")) as db:
        manage("migrate", "--noinput", "-v", "0", database=db["live"], var=var)
        manage("shell", "-c", SEED, database=db["live"], var=var)
        backup = tmp_path / "backup.dump"
        manage("backup", "--output", str(backup), database=db["live"], var=var)
        assert (tmp_path / "backup.dump.checkpoint.json").exists()
        into = db["restored"].removeprefix("sqlite:///")
        manage("restore", str(backup), "--into", into, database=db["live"], var=var)
        verified = manage("ledger_verify", "--no-audit", "--expect-checkpoint",
                          str(tmp_path / "backup.dump.checkpoint.json"),
                          database=db["restored"], var=var)
        assert "ledger intact: 12 entries" in verified.stdout
        # The drill would notice a backup of another ledger: a checkpoint from elsewhere fails.
        manage("shell", "-c", "from fairhire.ledger.tests.factories import append_entries; "
               "from fairhire.ledger.services import checkpoint_sign; "
               "append_entries(1, start=12); checkpoint_sign()", database=db["live"], var=var)
        manage("backup", "--output", str(tmp_path / "later.dump"), database=db["live"], var=var)
        stale = manage("ledger_verify", "--no-audit", "--expect-checkpoint",
                       str(tmp_path / "later.dump.checkpoint.json"), database=db["restored"],
                       var=var, check=False)
        assert stale.returncode != 0
        assert "expected checkpoint covers 13 entries, the tree has 12" in stale.stdout


def test_restoring_over_the_live_database_is_refused(tmp_path):
    from django.conf import settings
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="不能恢复到正在使用的数据库"):
        call_command("restore", str(REPO / "manage.py"), "--into", settings.DATABASE_URL)
