"""A job seeker's whole privacy journey, in a real browser against a real server."""

import io
import json
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from fairhire.orgs.identifiers import id_check_char

pytestmark = pytest.mark.browser

PASSWORD = "Quiet-River-2026"
FIRST17 = "14010519920308123"
ID = FIRST17 + id_check_char(FIRST17)


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 400), (220, 220, 210)).save(out, format="JPEG")
    return out.getvalue()


@pytest.mark.req("R16")
@pytest.mark.req("DSR")
def test_a_seeker_signs_up_builds_a_resume_downloads_withdraws_and_closes(live_site, page):
    page.goto(live_site + "/")
    page.get_by_role("link", name="求职者实名注册").first.click()
    page.get_by_label("用户名").fill("liu.xiaoyang")
    page.get_by_label("真实姓名").fill("刘洋")
    page.get_by_label("身份证号码", exact=True).fill(ID)
    page.get_by_label("手机号码", exact=True).fill("13812345678")
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_label("再次输入密码").fill(PASSWORD)
    page.get_by_label("我已阅读并同意《个人信息处理规则》").check()
    page.get_by_label("我单独同意平台为实名注册处理我的身份证号码").check()
    page.get_by_role("button", name="注册").click()
    expect(page.locator(".messages")).to_contain_text("实名注册成功")
    expect(page.locator(".who")).to_contain_text("刘*")

    page.get_by_role("link", name="新建简历").click()
    page.get_by_label("简历名称").fill("电工简历")
    page.get_by_label("技能", exact=True).fill("低压电工作业")
    page.get_by_label("学历", exact=True).select_option("51")
    page.get_by_label("学校", exact=True).fill("太原技师学院")
    page.get_by_role("button", name="保存简历").click()
    expect(page.locator(".messages")).to_contain_text("简历已保存")
    expect(page.get_by_role("link", name="电工简历")).to_be_visible()

    page.get_by_role("link", name="我的数据").first.click()
    expect(page.locator("main")).to_contain_text(ID)
    page.get_by_role("link", name="管理身份证照片").click()
    page.get_by_label("证件面").select_option("front")
    page.get_by_label("照片（JPEG 或 PNG，不超过 10 MB）").set_input_files(
        files=[{"name": "front.jpg", "mimeType": "image/jpeg", "buffer": _photo()}])
    page.get_by_role("button", name="加密上传").click()
    expect(page.locator(".messages")).to_contain_text("已加密保存：身份证人像面")
    page.get_by_role("link", name="返回我的数据").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载我的数据（JSON）").click()
    data = json.loads(open(download_info.value.path(), encoding="utf-8").read())
    assert data["profile"]["id_number"] == ID
    assert data["resumes"][0]["title"] == "电工简历"
    assert [i["side"] for i in data["identity_images"]] == ["front"]

    page.get_by_role("button", name="撤回：身份证号码单独同意").click()
    expect(page.locator(".messages")).to_contain_text("已撤回同意")
    expect(page.locator("main")).not_to_contain_text(ID)
    expect(page.locator("main")).not_to_contain_text("身份证人像面")

    page.get_by_role("link", name="注销账号").click()
    page.get_by_label("我确认注销账号").check()
    page.get_by_role("button", name="注销账号").click()
    expect(page.locator("h1")).to_contain_text("账号已注销")
    expect(page.locator(".who")).to_have_count(0)

    page.get_by_role("link", name="登录").first.click()
    page.get_by_label("用户名").fill("liu.xiaoyang")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.locator(".form-errors")).to_contain_text("用户名或密码错误")
    expect(page).to_have_url(re.compile(r"/accounts/sign-in/"))
