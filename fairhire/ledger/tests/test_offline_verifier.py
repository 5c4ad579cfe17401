"""The offline verifier checks exported JSON with no database and no Django."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.test import Client

from fairhire.ledger.api import checkpoint_out
from fairhire.ledger.checkpoint import public_key_text
from fairhire.ledger.keys import log_public_key, witness_public_key
from fairhire.ledger.services import checkpoint_cosign, checkpoint_sign
from fairhire.ledger.tests.factories import NOW, append_entries

pytestmark = [pytest.mark.django_db, pytest.mark.req("R24.2")]

REPO = Path(__file__).resolve().parents[3]
# Make any import of Django fail inside the verifier's process.
RUNNER = ("import runpy, sys; sys.modules['django'] = None; "
          "runpy.run_module('fairhire.ledger.verify', run_name='__main__')")


def offline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUNNER, *args], cwd=REPO, capture_output=True,
                          text=True, timeout=60, env={"PATH": "/usr/bin:/bin"})


@pytest.fixture
def exported(tmp_path):
    append_entries(5)
    old = checkpoint_sign(now=NOW)
    append_entries(4, start=5)
    new = checkpoint_sign(now=NOW.replace(hour=9))
    checkpoint_cosign(checkpoint=new, state_path=tmp_path / "w.json", now=NOW.replace(hour=9))
    client = Client()
    files = {
        "old": checkpoint_out(old),
        "checkpoint": client.get("/api/v1/ledger/checkpoint").json(),
        "inclusion": client.get("/api/v1/ledger/proof/inclusion?entry=6").json(),
        "consistency": client.get(f"/api/v1/ledger/proof/consistency?first={old.size}").json(),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_text(json.dumps(data, ensure_ascii=False))
    return paths


def test_an_exported_inclusion_proof_verifies_offline_with_the_witness(exported):
    result = offline(str(exported["checkpoint"]), str(exported["inclusion"]),
                     "--log-key", public_key_text(log_public_key()),
                     "--witness-key", public_key_text(witness_public_key()))
    assert result.returncode == 0, result.stderr
    assert "OK entry #6 (applications.state_changed, applications.application:6) is in the log " \
           "of 9 entries" in result.stdout


def test_an_exported_consistency_proof_verifies_offline(exported):
    result = offline(str(exported["checkpoint"]), str(exported["consistency"]),
                     "--old-checkpoint", str(exported["old"]),
                     "--log-key", public_key_text(log_public_key()))
    assert result.returncode == 0, result.stderr
    assert "extends the one of 5 entries" in result.stdout


def test_a_record_that_differs_from_the_logged_one_fails_offline(exported, tmp_path):
    record = tmp_path / "record.json"
    record.write_text(json.dumps({"n": 6, "seeker_name": "enc:v1:姓名6", "state": "hired"}))
    result = offline(str(exported["checkpoint"]), str(exported["inclusion"]), "--payload",
                     str(record), "--log-key", public_key_text(log_public_key()))
    assert result.returncode == 1
    assert "does not match the payload hash" in result.stderr


@pytest.mark.parametrize("field, value, reason", [
    ("root", "00" * 32, "disagree with its signed body"),
    ("signature", "A" * 88, "signature does not verify"),
])
def test_a_forged_checkpoint_fails_offline(exported, field, value, reason):
    data = json.loads(exported["checkpoint"].read_text())
    data[field] = value
    exported["checkpoint"].write_text(json.dumps(data))
    result = offline(str(exported["checkpoint"]), "--log-key", public_key_text(log_public_key()))
    assert (result.returncode, reason in result.stderr) == (1, True), result.stderr


def test_a_tampered_proof_fails_offline(exported):
    data = json.loads(exported["inclusion"].read_text())
    data["entry"]["kind"] = "applications.forged"
    exported["inclusion"].write_text(json.dumps(data))
    result = offline(str(exported["checkpoint"]), str(exported["inclusion"]),
                     "--log-key", public_key_text(log_public_key()))
    assert result.returncode == 1
    assert "does not lead to the given root" in result.stderr


def test_a_checkpoint_without_the_required_witness_fails_offline(exported):
    other = public_key_text(Ed25519PrivateKey.generate())
    result = offline(str(exported["checkpoint"]), "--log-key", public_key_text(log_public_key()),
                     "--witness-key", other)
    assert (result.returncode, "no co-signature" in result.stderr) == (1, True)


def test_the_remote_witness_runs_without_django_too():
    runner = RUNNER.replace("fairhire.ledger.verify", "fairhire.ledger.witness")
    result = subprocess.run([sys.executable, "-c", runner, "--help"], cwd=REPO,
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "--log-key" in result.stdout
