"""Settings come from the environment; production values pass Django's deployment check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def run_manage(args, env, tmp_path):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("FAIRHIRE_")}
    full_env.update({"FAIRHIRE_VAR_DIR": str(tmp_path), **env})
    return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.req("R20")
def test_check_deploy_reports_nothing_with_production_values(tmp_path):
    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], {
        "FAIRHIRE_DEBUG": "0",
        "FAIRHIRE_SECRET_KEY": "k3Y-9fQz!pL2@wVb7#Rt6%nMx8^Hc4&Dj5*Gs1(Ae0)Uy" * 2,
        "FAIRHIRE_ALLOWED_HOSTS": "jobs.example.gov.cn",
    }, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_a_secret_key_is_generated_once_into_the_var_folder(tmp_path):
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    first = run_manage(["shell", "--no-imports", "-c", code], {}, tmp_path)
    second = run_manage(["shell", "--no-imports", "-c", code], {}, tmp_path)
    assert first.returncode == 0, first.stderr
    key = (tmp_path / "secret_key").read_text().strip()
    assert len(key) >= 50
    assert first.stdout.strip() == second.stdout.strip() == key
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_the_default_database_is_sqlite_in_wal_mode_under_var(tmp_path):
    code = ("from django.db import connection; c = connection.cursor(); "
            "c.execute('PRAGMA journal_mode'); "
            "print(c.fetchone()[0], connection.settings_dict['NAME'])")
    result = run_manage(["shell", "--no-imports", "-c", code], {}, tmp_path)
    assert result.returncode == 0, result.stderr
    mode, name = result.stdout.split()
    assert mode == "wal"
    assert name == str(tmp_path / "fairhire.sqlite3")


def test_a_redis_url_makes_the_cache_use_redis(tmp_path):
    code = ("from django.core.cache import cache; cache.set('fh-probe', '好', 5); "
            "from django.core.cache import caches; "
            "print(type(caches['default']).__name__, cache.get('fh-probe'))")
    result = run_manage(["shell", "--no-imports", "-c", code],
                        {"FAIRHIRE_REDIS_URL": "redis://127.0.0.1:6379/15"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisCache", "好"]
