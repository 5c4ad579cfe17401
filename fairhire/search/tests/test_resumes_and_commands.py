"""What a résumé gives the index, and the operator's commands."""

import io

import pytest
from django.core.management import CommandError, call_command

from fairhire.profiles import services as profiles
from fairhire.profiles.tests.factories import id_number, make_seeker, resume_data
from fairhire.search.engine.index import POSTINGS, RESUMES
from fairhire.search.engine.query import ids as index_ids
from fairhire.search.models import OutboxEntry
from fairhire.search.selectors import seeker_features
from fairhire.search.services import index_store, search_check
from fairhire.search.tests.pipeline import committed

pytestmark = pytest.mark.django_db


def _stored_text(kind: str) -> str:
    index = index_store(kind).index()
    searcher = index.searcher()
    import tantivy

    result = searcher.search(tantivy.Query.all_query(), 100)
    return " ".join(bytes(searcher.doc(a).get_first(field)).decode()
                    for _s, a in result.hits for field in ("data", "feat"))


@pytest.mark.req("R21")
def test_the_resume_index_never_holds_the_name_contact_or_id_number(
        django_capture_on_commit_callbacks):
    seeker = make_seeker(real_name="欧阳春晓")
    phone, id_number = seeker.unseal("phone"), seeker.unseal("id_number")
    committed(django_capture_on_commit_callbacks, profiles.resume_save, actor=seeker.user,
              data=resume_data(self_intro=f"联系我：{phone}，身份证 {id_number}"))
    stored = _stored_text(RESUMES)
    assert stored  # the résumé is there
    for secret in ("欧阳春晓", phone, id_number, seeker.unseal("email")):
        assert secret not in stored


@pytest.mark.req("R15")
def test_two_seekers_with_the_same_resume_get_the_same_features_whoever_they_are():
    older = make_seeker(real_name="王建国", id_number=id_number(birth="19600101"))
    younger = make_seeker(real_name="李娜")
    first = profiles.resume_save(actor=older.user, data=resume_data())
    second = profiles.resume_save(actor=younger.user, data=resume_data())
    assert seeker_features(first) == seeker_features(second)


def test_reindex_rebuilds_from_the_database_and_search_check_agrees(
        django_capture_on_commit_callbacks):
    seeker = make_seeker()
    resume = profiles.resume_save(actor=seeker.user, data=resume_data())  # never applied
    with pytest.raises(CommandError):
        call_command("search_check", stdout=io.StringIO())
    assert search_check()[RESUMES]["missing"] == [resume.pk]
    out = io.StringIO()
    call_command("reindex", stdout=out)
    assert "resumes: now answering from" in out.getvalue()
    assert index_ids(index_store(RESUMES).index(), kind=RESUMES) == {resume.pk}
    call_command("search_check", stdout=io.StringIO())  # no differences: no error
    assert index_ids(index_store(POSTINGS).index()) == set()


def test_a_change_committed_during_a_rebuild_is_in_the_new_index(
        django_capture_on_commit_callbacks, monkeypatch):
    from fairhire.search import services

    seeker = make_seeker()
    real_build = services.build_generation
    made = {}

    def build_then_change(store, records, **kwargs):
        path = real_build(store, records, **kwargs)
        if store.kind == RESUMES and not made:  # a seeker saves while the rebuild runs
            made["resume"] = profiles.resume_save(actor=seeker.user, data=resume_data())
        return path

    monkeypatch.setattr(services, "build_generation", build_then_change)
    services.search_reindex(kind=RESUMES)
    assert OutboxEntry.objects.filter(object_id=made["resume"].pk).exists()
    assert index_ids(index_store(RESUMES).index(), kind=RESUMES) == {made["resume"].pk}
