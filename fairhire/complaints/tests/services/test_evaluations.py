"""Evaluations after a service ends: invitation, rating with questionnaire answers, results per
employer or agency and over time (job-fair standard §Evaluation; JF7)."""

from datetime import timedelta

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.complaints import selectors, services
from fairhire.complaints.models import Evaluation
from fairhire.complaints.services import QuestionData
from fairhire.complaints.tests.factories import NOW, make_operator
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from fairhire.core.models import Notification
from fairhire.orgs.models import OrgKind
from fairhire.orgs.tests.factories import make_verified

pytestmark = pytest.mark.django_db


def _questionnaire(operator):
    return services.questionnaire_save(actor=operator, subject_kind="application",
                                       title="求职服务评价", questions=[
                                           QuestionData(text="回复是否及时", type="rating",
                                                        required=True),
                                           QuestionData(text="是否如实介绍岗位", type="yes_no"),
                                           QuestionData(text="最满意的环节", type="choice",
                                                        choices=("沟通", "面试", "入职")),
                                       ])


@pytest.mark.req("JF7")
def test_a_finished_service_is_rated_and_operators_see_results_per_organisation_and_month():
    operator = make_operator()
    questionnaire = _questionnaire(operator)
    employer, agency = make_verified(), make_verified(OrgKind.AGENCY)
    q_timely, q_true, q_best = questionnaire.questions.filter(active=True)
    for n, (org, rating, when) in enumerate([(employer, 5, NOW), (employer, 3, NOW),
                                             (agency, 2, NOW - timedelta(days=40))]):
        seeker = make_user(Role.SEEKER)
        invite = services.evaluation_invite(user=seeker, subject_kind="application",
                                            subject_id=100 + n, about_org=org, now=when)
        assert Notification.objects.get(recipient=seeker).title == "请评价本次服务"
        services.evaluation_submit(actor=seeker, invite=invite, rating=rating, comment="满意",
                                   answers={str(q_timely.pk): rating, str(q_true.pk): "yes",
                                            str(q_best.pk): "面试"}, now=when)
    evaluation = Evaluation.objects.order_by("pk").first()
    assert evaluation.answers[str(q_true.pk)] == {"question": "是否如实介绍岗位",
                                                  "type": "yes_no", "answer": True}
    results = selectors.evaluation_results(actor=operator)
    by_org = {r["invite__about_org__name"]: (r["count"], r["average"]) for r in results["by_org"]}
    assert by_org == {employer.name: (2, 4.0), agency.name: (1, 2.0)}
    assert [r["count"] for r in results["by_month"]] == [1, 2]
    page = signed_in_client(operator).get("/operator/evaluations/").content.decode()
    assert employer.name in page and "4.0" in page


def test_a_required_question_must_be_answered():
    operator = make_operator()
    _questionnaire(operator)
    seeker = make_user(Role.SEEKER)
    invite = services.evaluation_invite(user=seeker, subject_kind="application", subject_id=1)
    with pytest.raises(InvalidInput) as refused:
        services.evaluation_submit(actor=seeker, invite=invite, rating=4)
    assert refused.value.code == "evaluations.answer_required"


@pytest.mark.parametrize("rating", [0, 6, "x"])
def test_a_rating_is_one_to_five(rating):
    seeker = make_user(Role.SEEKER)
    invite = services.evaluation_invite(user=seeker, subject_kind="complaint", subject_id=1)
    with pytest.raises(InvalidInput):
        services.evaluation_submit(actor=seeker, invite=invite, rating=rating)


def test_only_the_invited_person_rates_and_only_once():
    seeker = make_user(Role.SEEKER)
    invite = services.evaluation_invite(user=seeker, subject_kind="complaint", subject_id=1)
    with pytest.raises(NotFound):
        services.evaluation_submit(actor=make_user(Role.SEEKER), invite=invite, rating=5)
    services.evaluation_submit(actor=seeker, invite=invite, rating=5)
    with pytest.raises(RuleViolation):
        services.evaluation_submit(actor=seeker, invite=invite, rating=4)


def test_inviting_twice_for_the_same_service_keeps_one_invitation():
    seeker = make_user(Role.SEEKER)
    first = services.evaluation_invite(user=seeker, subject_kind="application", subject_id=7)
    again = services.evaluation_invite(user=seeker, subject_kind="application", subject_id=7)
    assert first.pk == again.pk
    assert Notification.objects.filter(recipient=seeker).count() == 1


@pytest.mark.parametrize("question", [QuestionData(text="", type="text"),
                                      QuestionData(text="问题", type="slider"),
                                      QuestionData(text="单选", type="choice", choices=("唯一",))])
def test_a_broken_question_is_refused(question):
    with pytest.raises(InvalidInput):
        services.questionnaire_save(actor=make_operator(), subject_kind="complaint",
                                    title="问卷", questions=[question])


def test_only_operators_edit_questionnaires_and_read_results():
    seeker = make_user(Role.SEEKER)
    with pytest.raises(PermissionDenied):
        services.questionnaire_save(actor=seeker, subject_kind="complaint", title="问卷",
                                    questions=[])
    with pytest.raises(PermissionDenied):
        selectors.evaluation_results(actor=seeker)


def test_the_questionnaire_page_saves_questions_and_the_form_asks_them():
    operator = make_operator()
    response = signed_in_client(operator).post("/operator/questionnaires/", {
        "subject_kind": "complaint", "title": "投诉处理评价",
        "questions": "rating|处理是否及时||必答\nyes_no|问题是否解决"})
    assert response.status_code == 302
    seeker = make_user(Role.SEEKER)
    invite = services.evaluation_invite(user=seeker, subject_kind="complaint", subject_id=3)
    page = signed_in_client(seeker).get(f"/me/evaluations/{invite.pk}/").content.decode()
    assert "处理是否及时" in page and "问题是否解决" in page
