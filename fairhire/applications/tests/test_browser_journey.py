"""Two-way selection in a real browser against a real server: apply, shortlist, a remote
interview, an offer, the hire, as both sides see it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from fairhire.core.testing import manage_live

pytestmark = pytest.mark.browser

PASSWORD = "Demo-Pass-2026"


def sign_in(page, live_site, username):
    page.goto(live_site + "/accounts/sign-in/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.locator(".who")).to_be_visible()


def sign_out(page):
    page.get_by_role("button", name="退出").click()
    expect(page.locator(".who")).to_have_count(0)


@pytest.mark.req("R21.1")
@pytest.mark.req("R26")
@pytest.mark.req("EN2")
def test_a_seeker_applies_is_interviewed_remotely_is_offered_the_job_and_both_see_hired(
        live_site, page):
    # employer wang.fang with published postings; li.ming
    manage_live(live_site, "demo_data", "--postings", "0", "--no-agreements")

    # The seeker applies with a résumé, giving the separate consent to send it.
    sign_in(page, live_site, "li.ming")
    page.get_by_role("link", name="招聘信息").first.click()
    page.get_by_role("link", name="仓储管理员").click()
    page.get_by_role("link", name="申请该职位").click()
    page.get_by_label("选择简历").select_option(label="仓储物流方向简历")
    page.get_by_label("我单独同意将所选简历发送给该用人单位").check()
    page.get_by_role("button", name="确认投递").click()
    expect(page.locator(".messages")).to_contain_text("简历已投递")
    expect(page.locator(".application-status")).to_have_text("已投递")
    application_url = page.url
    sign_out(page)

    # The employer shortlists the applicant and proposes a remote interview.
    sign_in(page, live_site, "wang.fang")
    page.get_by_role("link", name="收到的申请").click()
    page.get_by_role("row", name="仓储管理员").get_by_role("link", name="申请看板").click()
    page.get_by_role("link", name="仓储物流方向简历").click()
    expect(page.locator(".application-status")).to_have_text("已查看")
    page.get_by_role("button", name="通过初筛").click()
    expect(page.locator(".application-status")).to_have_text("初筛通过")
    page.get_by_role("link", name="安排面试").click()
    page.get_by_label("远程面试", exact=True).check()
    day = timezone.localdate() + timedelta(days=3)
    page.get_by_label("面试时间（北京时间）").fill(f"{day:%Y-%m-%d}T14:30")
    page.get_by_label("会议链接（远程面试）").fill("https://meeting.example.com/j/880011")
    page.get_by_role("button", name="发出面试邀请").click()
    expect(page.locator(".messages")).to_contain_text("已向求职者发出面试邀请")
    expect(page.locator(".interview")).to_contain_text(f"{day:%Y-%m-%d} 14:30")
    sign_out(page)

    # The seeker confirms the interview.
    sign_in(page, live_site, "li.ming")
    page.get_by_role("link", name="我的申请").click()
    page.get_by_role("link", name="仓储管理员").click()
    expect(page.locator(".interview")).to_contain_text("https://meeting.example.com/j/880011")
    page.get_by_role("button", name="确认参加").click()
    expect(page.locator(".interview-status")).to_have_text("已确认")
    sign_out(page)

    # The employer makes an offer.
    sign_in(page, live_site, "wang.fang")
    page.goto(application_url)
    page.get_by_role("button", name="发录用通知").click()
    expect(page.locator(".application-status")).to_have_text("已发录用通知")
    sign_out(page)

    # The seeker accepts it, and sees "hired".
    sign_in(page, live_site, "li.ming")
    page.goto(application_url)
    page.get_by_role("button", name="接受录用").click()
    expect(page.locator(".application-status")).to_have_text("已录用")
    page.get_by_role("link", name="我的申请").click()
    expect(page.get_by_role("row", name="仓储管理员")).to_contain_text("已录用")
    sign_out(page)

    # The employer sees "hired" too.
    sign_in(page, live_site, "wang.fang")
    page.goto(application_url)
    expect(page.locator(".application-status")).to_have_text("已录用")
