"""Closing an account: what retention keeps is restricted, then erased when retention ends
(PIPL Art. 47; Regulation Art. 26; SECURITY.md control 15)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import NotFound
from fairhire.core.models import AuditEvent
from fairhire.core.testing import run_queued_tasks
from fairhire.ledger.models import Retention
from fairhire.ledger.services import retention_erase_due, retention_set
from fairhire.ledger.tasks import retention_erase_due_task
from fairhire.privacy.models import DataRequest
from fairhire.profiles import services
from fairhire.profiles.models import Resume, SeekerProfile
from fairhire.profiles.policies import profile_visible_to, resume_visible_to
from fairhire.profiles.tests.factories import NOW, id_number, make_seeker, resume_data

pytestmark = pytest.mark.django_db

THREE_YEARS = NOW.replace(year=NOW.year + 3)


def raw_sealed(profile_id: int) -> tuple[str, str, str]:
    with connection.cursor() as cursor:
        cursor.execute('SELECT real_name, id_number, phone FROM "profiles_seekerprofile" '
                       'WHERE id = %s', [profile_id])
        return cursor.fetchone()


@pytest.mark.req("DSR")
def test_a_closed_seekers_real_name_record_is_restricted_for_three_years_then_erased():
    profile = make_seeker(real_name="周敏", id_number=id_number(seq=41))
    services.seeker_account_close(actor=profile.user, now=NOW)

    retention = Retention.objects.get(object_model="seekerprofile", object_pk=str(profile.pk))
    assert retention.retain_until == THREE_YEARS
    request = DataRequest.objects.get(kind=DataRequest.Kind.CLOSE)
    assert request.details["retain_until"] == THREE_YEARS.isoformat()
    # restricted: no reviewer, inspector or employer reaches it any more, purpose or not
    for role in (Role.REVIEWER, Role.INSPECTOR, Role.EMPLOYER_STAFF):
        assert not profile_visible_to(make_user(role)).filter(pk=profile.pk).exists()
    with pytest.raises(NotFound):
        services.seeker_profile_disclose(actor=make_user(Role.REVIEWER), profile_id=profile.pk,
                                         purpose="核查")

    retention_erase_due(now=THREE_YEARS - timedelta(days=1))
    profile.refresh_from_db()
    assert (profile.unseal("real_name"), profile.erased_at) == ("周敏", None)

    retention_erase_due(now=THREE_YEARS + timedelta(days=1))
    profile.refresh_from_db()
    assert raw_sealed(profile.pk) == ("", "", "")
    assert profile.erased_at == THREE_YEARS + timedelta(days=1)
    assert AuditEvent.objects.filter(action=AuditAction.SEEKER_RECORD_ERASED,
                                     target_id=str(profile.pk)).exists()


@pytest.mark.req("DSR")
def test_a_resume_the_ledger_still_holds_is_hidden_from_employers_not_deleted_until_it_expires():
    profile = make_seeker()
    kept = services.resume_save(actor=profile.user, data=resume_data(title="已投递的简历"))
    services.resume_save(actor=profile.user, data=resume_data(title="没投递的简历"))
    # a service record about the résumé (an application, say) keeps it for three years
    retention_set(obj=kept, completed_at=NOW)

    services.seeker_account_close(actor=profile.user, now=NOW)

    assert list(Resume.objects.values_list("title", "visibility")) == [("已投递的简历", "hidden")]
    employer = make_user(Role.EMPLOYER_STAFF)
    assert not resume_visible_to(employer).exists()
    retention_erase_due(now=THREE_YEARS + timedelta(days=1))
    assert not Resume.objects.exists()


@pytest.mark.req("DSR")
def test_the_real_task_queue_erases_what_is_due():
    long_ago = timezone.now() - timedelta(days=3 * 366 + 2)
    profile = make_seeker()
    services.seeker_account_close(actor=profile.user, now=long_ago)
    retention_erase_due_task.enqueue()
    assert run_queued_tasks() == 1
    profile.refresh_from_db()
    assert profile.erased_at is not None
    assert raw_sealed(profile.pk) == ("", "", "")
    assert profile.status == SeekerProfile.Status.CLOSED
