"""A seeker searches with a region and a pay filter, opens a result, and reads why it suits
them: in a real browser against a real server, the index fed by the real outbox."""

import pytest
from playwright.sync_api import expect

from fairhire.core.testing import manage_live

pytestmark = pytest.mark.browser


@pytest.mark.req("EN1")
def test_a_seeker_searches_by_region_and_pay_opens_a_result_and_sees_why_it_suits_them(
        live_site, page):
    # postings in Taiyuan and the seeker li.ming's résumé
    manage_live(live_site, "demo_data", "--postings", "0", "--no-agreements")
    manage_live(live_site, "search_schedule")  # the search worker catches up with the outbox

    page.goto(live_site + "/accounts/sign-in/?next=/search/")
    page.get_by_label("用户名").fill("li.ming")
    page.get_by_label("密码").fill("Demo-Pass-2026")
    page.get_by_role("button", name="登录").click()

    page.get_by_label("关键词").fill("仓库")
    page.get_by_label("地区代码").fill("140000")  # Shanxi: includes Taiyuan's districts
    page.get_by_label("月薪不低于（元）").fill("5000")
    page.get_by_role("button", name="搜索").click()
    expect(page.locator(".search-total")).to_contain_text("条招聘信息")
    hit = page.locator(".search-hit", has_text="仓库管理员")
    expect(hit.locator("mark").first).to_have_text("仓库")

    hit.get_by_role("link", name="仓库管理员").click()
    expect(page.locator("h1")).to_have_text("仓库管理员")
    why = page.locator(".why")
    expect(why).to_contain_text("为什么推荐给你")
    expect(why).to_contain_text("同一职业")
    expect(why).to_contain_text("在期望地区")
    expect(why.locator("tbody tr")).to_have_count(8)
