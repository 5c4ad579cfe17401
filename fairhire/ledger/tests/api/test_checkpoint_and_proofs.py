import pytest
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.ledger.checkpoint import TreeHead, public_key_text, verify_tree_head
from fairhire.ledger.keys import log_public_key
from fairhire.ledger.merkle import verify_consistency, verify_inclusion
from fairhire.ledger.services import checkpoint_sign
from fairhire.ledger.tests.factories import NOW, append_entries

pytestmark = [pytest.mark.django_db, pytest.mark.req("R24.2")]


@pytest.fixture
def published():
    append_entries(6)
    checkpoint_sign(now=NOW)
    append_entries(2, start=6)  # not yet in a checkpoint


def test_the_latest_checkpoint_is_public_and_its_signature_verifies(published):
    body = Client().get("/api/v1/ledger/checkpoint").json()
    assert (body["size"], body["log_public_key"]) == (6, public_key_text(log_public_key()))
    verify_tree_head(TreeHead.parse(body["body"]), body["signature"], log_public_key())


def test_there_is_no_checkpoint_before_the_first_is_signed():
    response = Client().get("/api/v1/ledger/checkpoint")
    assert (response.status_code, response.json()["code"]) == (404, "ledger.no_checkpoint")


def test_an_inclusion_proof_defaults_to_the_checkpoint_size_and_verifies(published):
    body = Client().get("/api/v1/ledger/proof/inclusion?entry=4").json()
    assert (body["size"], body["checkpoint"]["size"], body["entry"]["payload"]) == (6, 6, None)
    verify_inclusion(bytes.fromhex(body["entry"]["leaf_hash"]), 4, 6,
                     [bytes.fromhex(p) for p in body["proof"]], bytes.fromhex(body["root"]))


def test_an_inclusion_proof_for_an_uncheckpointed_size_has_no_checkpoint(published):
    body = Client().get("/api/v1/ledger/proof/inclusion?entry=7&size=8").json()
    assert (body["size"], body["checkpoint"]) == (8, None)


def test_a_consistency_proof_links_two_sizes(published):
    body = Client().get("/api/v1/ledger/proof/consistency?first=3&second=8").json()
    verify_consistency(3, 8, bytes.fromhex(body["first_root"]), bytes.fromhex(body["second_root"]),
                       [bytes.fromhex(p) for p in body["proof"]])


@pytest.mark.parametrize("query, status, code", [
    ("entry=6", 400, "ledger.entry_beyond_size"),
    ("entry=1&size=99", 404, "ledger.size_beyond_log"),
    ("entry=-1", 422, "invalid"),
    ("entry=abc", 422, "invalid"),
    ("entry=99999999999999999999999999", 422, "invalid"),
    ("", 422, "invalid"),
    ("entry=0&size=0", 422, "invalid"),
])
def test_bad_inclusion_queries_get_a_4xx_with_a_code(published, query, status, code):
    response = Client().get(f"/api/v1/ledger/proof/inclusion?{query}")
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert response.json()["message"]


@pytest.mark.parametrize("query, status, code", [
    ("first=5&second=3", 400, "ledger.sizes_reversed"),
    ("first=1&second=100", 404, "ledger.size_beyond_log"),
    ("first=-2", 422, "invalid"),
    ("first=1e3", 422, "invalid"),
])
def test_bad_consistency_queries_get_a_4xx_with_a_code(published, query, status, code):
    response = Client().get(f"/api/v1/ledger/proof/consistency?{query}")
    assert (response.status_code, response.json()["code"]) == (status, code)


def test_an_objects_entries_come_with_proofs_against_the_latest_checkpoint(published):
    body = Client().get("/api/v1/ledger/objects/applications.application/2").json()
    assert body["object"] == "applications.application:2"
    [item] = body["entries"]
    assert (item["entry"]["seq"], item["size"]) == (2, 6)
    verify_inclusion(bytes.fromhex(item["entry"]["leaf_hash"]), 2, 6,
                     [bytes.fromhex(p) for p in item["proof"]],
                     bytes.fromhex(body["checkpoint"]["root"]))


def test_an_entry_newer_than_the_checkpoint_is_listed_without_a_proof_yet(published):
    item = Client().get("/api/v1/ledger/objects/applications.application/7").json()["entries"][0]
    assert (item["size"], item["proof"], item["root"]) == (0, [], "")


@pytest.mark.parametrize("path, status, code", [
    ("applications.application/999", 404, "ledger.object_not_found"),
    ("nodot/1", 400, "ledger.bad_object_type"),
])
def test_unknown_objects_get_a_4xx(published, path, status, code):
    response = Client().get(f"/api/v1/ledger/objects/{path}")
    assert (response.status_code, response.json()["code"]) == (status, code)


@pytest.mark.parametrize("role, sees", [(Role.INSPECTOR, True), (Role.AUDIT_ADMIN, True),
                                        (Role.SEEKER, False), (Role.SYSTEM_ADMIN, False)])
def test_only_inspectors_and_the_audit_administrator_see_payloads(published, role, sees):
    client = signed_in_client(make_user(role))
    entry = client.get("/api/v1/ledger/proof/inclusion?entry=1").json()["entry"]
    assert (entry["payload"] is not None) == sees
