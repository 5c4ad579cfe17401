"""Résumés and gig cards (Regulation Art. 16; gig notice (8))."""

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied
from fairhire.core.models import AuditEvent
from fairhire.profiles import services
from fairhire.profiles.completeness import resume_completeness
from fairhire.profiles.models import Resume
from fairhire.profiles.policies import resume_visible_to
from fairhire.profiles.tests.factories import NOW, make_seeker, resume_data

pytestmark = pytest.mark.django_db


@pytest.mark.req("R16")
def test_a_seeker_saves_a_full_resume_and_it_is_complete_and_audited():
    seeker = make_seeker().user
    resume = services.resume_save(actor=seeker, data=resume_data(), now=NOW)
    assert resume.education.get().get_level_display() == "大学专科"
    assert resume.work.get().position == "仓管员"
    assert resume_completeness(resume).percent == 100
    assert AuditEvent.objects.filter(action=AuditAction.RESUME_SAVED,
                                     target_id=str(resume.pk)).exists()


@pytest.mark.req("R16")
def test_completeness_says_what_is_missing():
    seeker = make_seeker().user
    resume = services.resume_save(actor=seeker, data=resume_data(
        work=[], certificates=[], languages=[], self_intro=""))
    completeness = resume_completeness(resume)
    assert completeness.percent == 64
    assert [label for _c, label in completeness.missing] == [
        "工作经历", "证书或执照", "语言能力", "自我介绍"]


def test_saving_again_replaces_every_section():
    seeker = make_seeker().user
    resume = services.resume_save(actor=seeker, data=resume_data())
    services.resume_save(actor=seeker, resume=resume, data=resume_data(
        title="新名称", education=[{"level": "21", "school": "某大学"}], work=[]))
    resume.refresh_from_db()
    assert resume.title == "新名称"
    assert [e.level for e in resume.education.all()] == ["21"]
    assert not resume.work.exists()


def test_a_seeker_may_keep_several_resumes():
    seeker = make_seeker().user
    for title in ("仓管", "司机", "客服"):
        services.resume_save(actor=seeker, data=resume_data(title=title))
    assert Resume.objects.filter(owner__user=seeker).count() == 3


@pytest.mark.parametrize(("overrides", "field"), [
    ({"title": " "}, "title"),
    ({"pay_min": 9000, "pay_max": 8000}, "pay_min"),
    ({"expected_regions": ["北京"]}, "expected_regions"),
    ({"employment_types": ["slave"]}, "employment_types"),
    ({"education": [{"level": "99", "school": "x"}]}, "education"),
    ({"work": [{"employer": "x", "position": "y", "start": "2020-01-01",
                "end": "2019-01-01"}]}, "work"),
    ({"languages": [{"language": "英语", "level": "godlike"}]}, "languages"),
    ({"visibility": "everyone"}, "visibility"),
])
def test_bad_resume_content_is_refused_next_to_its_field(overrides, field):
    seeker = make_seeker().user
    with pytest.raises(InvalidInput) as refused:
        services.resume_save(actor=seeker, data=resume_data(**overrides))
    assert refused.value.field == field
    assert not Resume.objects.exists()


def test_one_seeker_cannot_change_another_seekers_resume():
    owner, other = make_seeker().user, make_seeker().user
    resume = services.resume_save(actor=owner, data=resume_data())
    with pytest.raises(NotFound):
        services.resume_save(actor=other, resume=resume, data=resume_data(title="mine"))
    with pytest.raises(NotFound):
        services.resume_delete(actor=other, resume=resume)


@pytest.mark.parametrize("role", [Role.EMPLOYER_STAFF, Role.REVIEWER])
def test_only_seekers_write_resumes(role):
    with pytest.raises(PermissionDenied):
        services.resume_save(actor=make_user(role), data=resume_data())


@pytest.mark.req("R21.2")
def test_employers_see_only_searchable_resumes_and_never_hidden_ones():
    seeker = make_seeker().user
    public = services.resume_save(actor=seeker, data=resume_data(visibility="searchable"))
    services.resume_save(actor=seeker, data=resume_data(visibility="applied_only"))
    services.resume_save(actor=seeker, data=resume_data(visibility="hidden"))
    assert list(resume_visible_to(make_user(Role.EMPLOYER_STAFF))) == [public]
    assert resume_visible_to(make_seeker().user).count() == 0
    assert resume_visible_to(seeker).count() == 3


@pytest.mark.req("GN8.2")
def test_a_gig_worker_keeps_a_card_with_skill_level_daily_pay_districts_and_hours():
    seeker = make_seeker().user
    card = services.gig_card_save(actor=seeker, work_types="搬运、保洁", skill_level=4,
                                  daily_pay=260, districts=["140105"], hours="周末 8:00-18:00")
    assert (card.get_skill_level_display(), card.daily_pay) == ("四级/中级工", 260)
    card = services.gig_card_save(actor=seeker, work_types="搬运", skill_level=0,
                                  daily_pay=300, districts=["140105", "140106"], hours="每天")
    assert (card.skill_level, card.districts) == (0, ["140105", "140106"])
    assert AuditEvent.objects.filter(action=AuditAction.GIG_CARD_SAVED).count() == 2


@pytest.mark.req("GN8.2")
@pytest.mark.parametrize(("overrides", "field"), [
    ({"skill_level": 6}, "skill_level"),
    ({"daily_pay": 0}, "daily_pay"),
    ({"districts": []}, "districts"),
    ({"hours": ""}, "hours"),
])
def test_a_gig_card_needs_a_real_skill_level_pay_districts_and_hours(overrides, field):
    data = {"work_types": "搬运", "skill_level": 3, "daily_pay": 200, "districts": ["140105"],
            "hours": "周末", **overrides}
    with pytest.raises(InvalidInput) as refused:
        services.gig_card_save(actor=make_seeker().user, **data)
    assert refused.value.field == field
