"""A newcomer's first visit, in a real browser against a real server."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "Quiet-River-2026"


@pytest.mark.req("R20")
def test_an_employer_signs_up_signs_out_fails_with_a_wrong_password_then_signs_in(
        live_site, page):
    page.goto(live_site + "/")
    expect(page.locator("h1")).to_contain_text("FairHire")
    page.get_by_role("link", name="注册账号").first.click()

    page.get_by_label("用人单位招聘人员").check()
    page.get_by_label("用户名").fill("chen.xiaoyu")
    page.get_by_label("姓名").fill("陈晓雨")
    page.get_by_label("电子邮箱").fill("chen.xiaoyu@example.com")
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_label("再次输入密码").fill(PASSWORD)
    page.get_by_role("button", name="注册").click()

    expect(page.locator(".messages")).to_contain_text("注册成功")
    expect(page.locator(".who")).to_contain_text("陈晓雨 · 用人单位人员")

    page.get_by_role("button", name="退出").click()
    expect(page.get_by_role("link", name="登录").first).to_be_visible()
    expect(page.locator(".who")).to_have_count(0)

    page.get_by_role("link", name="登录").first.click()
    page.get_by_label("用户名").fill("chen.xiaoyu")
    page.get_by_label("密码").fill("Not-My-Password-1")
    page.get_by_role("button", name="登录").click()
    expect(page.locator(".form-errors")).to_contain_text("用户名或密码错误")
    expect(page.get_by_label("用户名")).to_have_value("chen.xiaoyu")

    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator(".who")).to_contain_text("陈晓雨")
