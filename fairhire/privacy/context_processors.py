"""The operators' warning that the yearly self-inspection is due (Regulation Art. 21(3))."""

from fairhire.privacy.policies import can_run_self_inspection, can_see_self_inspection_warning
from fairhire.privacy.selectors import self_inspection_overdue


def warnings(request):
    user = getattr(request, "user", None)
    if not can_see_self_inspection_warning(actor=user):
        return {}
    # A callable: the template asks only where the warning is shown (the dashboard).
    return {"self_inspection_overdue": self_inspection_overdue,
            "self_inspection_can_run": can_run_self_inspection(actor=user)}
