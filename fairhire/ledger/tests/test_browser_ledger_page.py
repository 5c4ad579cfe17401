"""A person checks the platform's records, in a real browser against a real server."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.req("R24.2")
def test_a_visitor_finds_the_public_keys_and_the_steps_to_verify_the_records(live_site, page):
    page.goto(live_site + "/ledger/")
    expect(page.locator("h1")).to_have_text("服务记录存证")
    expect(page.get_by_role("heading", name="如何核验")).to_be_visible()
    expect(page.locator("main")).to_contain_text("python -m fairhire.ledger.verify")
    expect(page.locator("main")).to_contain_text("平台日志公钥")
    response = page.request.get(live_site + "/api/v1/ledger/checkpoint")
    assert response.status in (200, 404)
    assert "code" in response.json() or "size" in response.json()
