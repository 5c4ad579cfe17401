import pytest
from django.test import Client

from fairhire.ledger.services import checkpoint_sign
from fairhire.ledger.tests.factories import NOW, append_entries

pytestmark = pytest.mark.django_db


@pytest.mark.req("R24.2")
def test_anyone_sees_the_latest_checkpoint_and_how_to_verify_it():
    append_entries(3)
    checkpoint = checkpoint_sign(now=NOW)
    page = Client().get("/ledger/").content.decode()
    assert "服务记录存证" in page
    assert checkpoint.root_hash in page
    assert "python -m fairhire.ledger.verify" in page
    assert "/api/v1/ledger/proof/inclusion?entry=N" in page


def test_the_page_says_so_before_the_first_checkpoint():
    assert "尚未签发检查点" in Client().get("/ledger/").content.decode()

