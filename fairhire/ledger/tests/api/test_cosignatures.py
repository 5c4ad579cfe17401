"""A witness elsewhere co-signs over the public API (no database access of its own)."""

from datetime import timedelta

import pytest
from django.test import Client

from fairhire.ledger.checkpoint import TreeHead, cosign_tree_head, format_time, sign_tree_head
from fairhire.ledger.keys import log_private_key, log_public_key, witness_private_key
from fairhire.ledger.models import Cosignature
from fairhire.ledger.services import checkpoint_sign, ledger_verify, tree_head
from fairhire.ledger.tests.factories import NOW, append_entries
from fairhire.ledger.witness import WitnessRefusal, witness_remote

pytestmark = [pytest.mark.django_db, pytest.mark.req("R24.2")]


def over_http(client: Client):
    def fetch(url: str) -> dict:
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200, response.content
        return response.json()

    def post(url: str, body: dict) -> dict:
        response = client.post(url.removeprefix("http://testserver"), body,
                               content_type="application/json")
        assert response.status_code == 201, response.content
        return response.json()

    return fetch, post


def test_a_remote_witness_cosigns_each_checkpoint_the_log_grows_to(tmp_path):
    fetch, post = over_http(Client())
    state = tmp_path / "witness.json"
    append_entries(3)
    checkpoint_sign(now=NOW)
    witness_remote(base_url="http://testserver", state_path=state, log_key=log_public_key(),
                   witness_key=witness_private_key(), now=NOW, fetch=fetch, post=post)
    append_entries(5, start=3)
    checkpoint_sign(now=NOW + timedelta(minutes=10))
    witness_remote(base_url="http://testserver", state_path=state, log_key=log_public_key(),
                   witness_key=witness_private_key(), now=NOW + timedelta(minutes=11),
                   fetch=fetch, post=post)
    assert Cosignature.objects.count() == 2
    body = Client().get("/api/v1/ledger/checkpoint").json()
    assert (body["size"], len(body["cosignatures"])) == (8, 1)
    assert ledger_verify(record=False).ok


def test_a_remote_witness_refuses_a_forked_checkpoint_and_hands_in_nothing(tmp_path):
    fetch, post = over_http(Client())
    state = tmp_path / "witness.json"
    append_entries(3)
    checkpoint_sign(now=NOW)
    witness_remote(base_url="http://testserver", state_path=state, log_key=log_public_key(),
                   witness_key=witness_private_key(), now=NOW, fetch=fetch, post=post)
    fork = TreeHead(size=3, root=b"\x05" * 32, time=NOW + timedelta(minutes=1))
    forged = {"body": fork.body().decode(), "signature": sign_tree_head(fork, log_private_key())}
    with pytest.raises(WitnessRefusal, match="fork"):
        witness_remote(base_url="http://testserver", state_path=state, log_key=log_public_key(),
                       witness_key=witness_private_key(), now=NOW, post=post,
                       fetch=lambda url: forged)
    assert Cosignature.objects.count() == 1


def submitted(checkpoint, **changes) -> dict:
    head = tree_head(checkpoint)
    body = {"size": head.size, "root": head.root.hex(), "timestamp": format_time(head.time),
            "witness_time": format_time(NOW),
            "signature": cosign_tree_head(head, witness_private_key(), witness_time=NOW)}
    return {**body, **changes}


@pytest.mark.parametrize("changes, status, code", [
    ({"witness_time": format_time(NOW + timedelta(seconds=1))}, 409, "ledger.bad_cosignature"),
    ({"signature": "AAAA"}, 409, "ledger.bad_cosignature"),
    ({"size": 2}, 404, "ledger.checkpoint_not_found"),
    ({"timestamp": "yesterday"}, 400, "ledger.bad_time"),
    ({"root": "zz"}, 422, "invalid"),
])
def test_a_cosignature_that_does_not_verify_is_refused(changes, status, code):
    append_entries(3)
    checkpoint = checkpoint_sign(now=NOW)
    response = Client().post("/api/v1/ledger/cosignatures", submitted(checkpoint, **changes),
                             content_type="application/json")
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert not Cosignature.objects.exists()


def test_handing_in_the_same_cosignature_twice_stores_it_once():
    append_entries(3)
    checkpoint = checkpoint_sign(now=NOW)
    for _ in range(2):
        response = Client().post("/api/v1/ledger/cosignatures", submitted(checkpoint),
                                 content_type="application/json")
        assert response.status_code == 201
    assert Cosignature.objects.count() == 1
