"""A report from a job seeker to its outcome and rating, in a real browser against a real server."""

import pytest
from playwright.sync_api import expect

from fairhire.core.testing import manage_live

pytestmark = pytest.mark.browser
DEMO_PASSWORD = "Demo-Pass-2026"
MAKE_POSTING = ("from fairhire.postings.tests.factories import make_published; "
                "print(make_published(title='仓库理货员').pk)")


def _sign_in(page, live_site, username, next_path):
    page.goto(f"{live_site}/accounts/sign-in/?next={next_path}")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()


@pytest.mark.req("R23")
@pytest.mark.req("JF7")
def test_a_seeker_reports_a_posting_an_operator_resolves_it_and_the_seeker_rates_the_handling(
        live_site, page, browser):
    # the seeker li.ming and the operator zhao.lei
    manage_live(live_site, "demo_data", "--postings", "0", "--no-agreements")
    posting_id = manage_live(live_site, "shell", "-c", MAKE_POSTING).strip().splitlines()[-1]

    # The seeker reports the posting as discriminatory from its page.
    _sign_in(page, live_site, "li.ming", f"/postings/{posting_id}/")
    expect(page.locator("h1")).to_contain_text("仓库理货员")
    page.get_by_role("link", name="举报此招聘信息").click()
    page.get_by_label("投诉类别").select_option(label="就业歧视")
    page.get_by_label("情况说明").fill("电话沟通时对方说这个岗位只招男性，女性不予考虑。")
    page.get_by_role("button", name="提交投诉").click()
    expect(page.locator(".messages")).to_contain_text("投诉已收到")
    expect(page.locator(".complaint-status")).to_contain_text("已收到")
    number = page.locator("h1").inner_text().split()[-1]

    # The operator accepts it and resolves it with a written outcome.
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
    operator = context.new_page()
    operator.set_default_timeout(30_000)
    _sign_in(operator, live_site, "zhao.lei", "/operator/complaints/")
    operator.get_by_label("动态验证码或恢复码").fill(
        manage_live(live_site, "totp_code", "zhao.lei").strip())
    operator.get_by_role("button", name="验证").click()
    operator.get_by_role("link", name=number).click()
    expect(operator.locator("main")).to_contain_text("只招男性")
    operator.get_by_label("已受理").check()
    operator.get_by_role("button", name="提交").click()
    expect(operator.locator(".messages")).to_contain_text("已记录处理结果")
    operator.get_by_label("已办结").check()
    operator.get_by_label("说明（不予受理的理由、处理结果或移交理由，将发送给投诉人）").fill(
        "经核查，该单位存在性别限制，已责令其改正并在平台公示。")
    operator.get_by_role("button", name="提交").click()
    expect(operator.locator(".complaint-status")).to_contain_text("已办结")
    context.close()

    # The seeker reads the outcome and rates the handling.
    page.get_by_role("link", name="我的投诉").click()
    expect(page.get_by_role("link", name=f"评价：{number}")).to_be_visible()
    page.get_by_role("link", name=number, exact=True).click()
    expect(page.locator(".outcome")).to_contain_text("已责令其改正")
    page.get_by_role("link", name="评价本次投诉处理").click()
    page.get_by_role("group", name="评分").get_by_label("4").check()
    page.get_by_label("评价与建议").fill("处理及时，答复清楚。")
    page.get_by_role("button", name="提交评价").click()
    expect(page.locator(".messages")).to_contain_text("感谢你的评价")
