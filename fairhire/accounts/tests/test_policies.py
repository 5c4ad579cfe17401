import pytest

from fairhire.accounts.models import STAFF_ROLES, Role
from fairhire.accounts.policies import ROLE_PERMISSIONS, Perm, has_perm
from fairhire.accounts.tests.factories import make_user

ADMIN_ROLES = [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN]


@pytest.mark.req("R20")
def test_the_three_administrator_duties_share_no_permission():
    sets = [ROLE_PERMISSIONS[role] for role in ADMIN_ROLES]
    for i, first in enumerate(sets):
        for second in sets[i + 1:]:
            assert not first & second


@pytest.mark.req("R20")
@pytest.mark.parametrize(("role", "perm", "expected"), [
    (Role.AUDIT_ADMIN, Perm.AUDIT_READ, True),
    (Role.SYSTEM_ADMIN, Perm.AUDIT_READ, False),
    (Role.SECURITY_ADMIN, Perm.AUDIT_READ, False),
    (Role.SECURITY_ADMIN, Perm.ACCOUNTS_MANAGE, True),
    (Role.AUDIT_ADMIN, Perm.ACCOUNTS_MANAGE, False),
    (Role.SYSTEM_ADMIN, Perm.ACCOUNTS_MANAGE, False),
    (Role.SECURITY_ADMIN, Perm.CONTENT_REVIEW, False),
    (Role.SECURITY_ADMIN, Perm.PLATFORM_OPERATE, False),
])
def test_each_administrator_holds_only_their_own_duty(db, role, perm, expected):
    assert has_perm(make_user(role), perm) is expected


def test_every_role_has_an_entry_in_the_permission_matrix():
    assert set(ROLE_PERMISSIONS) == set(Role.values)
    assert STAFF_ROLES <= set(Role.values)


def test_a_disabled_account_holds_no_permission(db):
    user = make_user(Role.AUDIT_ADMIN)
    user.is_active = False
    assert not has_perm(user, Perm.AUDIT_READ)
