import hashlib
import json

import pytest
from django.db import transaction

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.ledger.merkle import (
    InMemoryNodeStore,
    MerkleLog,
    leaf_hash,
    reference_root,
    verify_inclusion,
)
from fairhire.ledger.models import Entry, EntryPayload, LogHead
from fairhire.ledger.services import (
    ObjectRef,
    Record,
    entry_leaf,
    ledger_append,
    ledger_append_many,
)
from fairhire.ledger.store import DatabaseNodeStore
from fairhire.ledger.tests.factories import NOW, append_entries, application_ref

pytestmark = [pytest.mark.django_db, pytest.mark.req("R26"), pytest.mark.req("R24.2")]


def test_an_entry_stores_its_canonical_payload_its_hash_and_its_leaf_in_the_tree():
    seeker = make_user(Role.SEEKER)
    entry = ledger_append(kind="accounts.consent_given", obj=seeker, now=NOW,
                          payload={"scope": "resume", "b": [1, True, None], "a": "同意"},
                          personal=["scope"])
    entry.refresh_from_db()
    text = EntryPayload.objects.get(entry=entry).text
    assert text == '{"a":"同意","b":[1,true,null],"scope":"resume"}'
    assert entry.payload_sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert (entry.seq, entry.object, entry.personal) == (0, f"accounts.user:{seeker.pk}",
                                                        ["scope"])
    log = MerkleLog(DatabaseNodeStore())
    assert log.leaf_hash(0) == entry_leaf(entry) == bytes.fromhex(entry.leaf_hash)
    assert LogHead.objects.get().size == 1


def test_an_entry_rolls_back_with_the_change_it_records():
    append_entries(2)
    with pytest.raises(RuntimeError), transaction.atomic():
        ledger_append(kind="postings.posting_published", obj=application_ref(7), payload={})
        raise RuntimeError("the change failed")
    assert (Entry.objects.count(), LogHead.objects.get().size) == (2, 2)
    assert MerkleLog(DatabaseNodeStore()).root() == reference_root(
        [bytes.fromhex(e.leaf_hash) for e in Entry.objects.order_by("seq")])


@pytest.mark.parametrize("payload, personal, error", [
    ({"salary": 3000.5}, (), TypeError),
    ({"when": NOW}, (), TypeError),
    ({"n": 2**60}, (), ValueError),
    ({"name": "x"}, ("phone",), ValueError),
])
def test_a_payload_json_cannot_reproduce_exactly_is_refused_and_nothing_is_written(
    payload, personal, error,
):
    with pytest.raises(error):
        ledger_append(kind="k", obj=application_ref(1), payload=payload, personal=personal)
    assert not Entry.objects.exists()
    assert LogHead.objects.get().size == 0


def test_a_batch_builds_the_same_tree_as_appending_one_at_a_time():
    one_by_one = append_entries(5)
    batch_store = InMemoryNodeStore()
    MerkleLog(batch_store).extend_leaf_hashes(bytes.fromhex(e.leaf_hash) for e in one_by_one)
    more = ledger_append_many(records=[
        Record("applications.state_changed", application_ref(i), {"n": i}) for i in range(5, 12)
    ], now=NOW)
    assert [e.seq for e in more] == list(range(5, 12))
    MerkleLog(batch_store).extend_leaf_hashes(bytes.fromhex(e.leaf_hash) for e in more)
    assert MerkleLog(DatabaseNodeStore()).root() == MerkleLog(batch_store).root()


def test_every_entry_proves_its_inclusion_from_stored_nodes():
    entries = append_entries(13)
    log = MerkleLog(DatabaseNodeStore())
    for size in (1, 7, 13):
        root = log.root(size)
        for entry in entries[:size]:
            verify_inclusion(bytes.fromhex(entry.leaf_hash), entry.seq, size,
                             log.inclusion_proof(entry.seq, size), root)


def test_the_leaf_commits_to_the_payload_hash_not_to_the_sequence_number():
    entry = ledger_append(kind="k", obj=ObjectRef("a", "b", "1"), payload={"x": 1}, now=NOW)
    header = {"kind": "k", "object": "a.b:1", "payload_sha256": entry.payload_sha256,
              "personal": [], "time": "2026-11-25T08:00:00.000000Z", "v": 1}
    expected = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    assert bytes.fromhex(entry.leaf_hash) == leaf_hash(expected)
