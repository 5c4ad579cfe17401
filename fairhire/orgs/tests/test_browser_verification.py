"""An employer is verified after one rejection, in a real browser against a real server."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from fairhire.core.testing import manage_live
from fairhire.orgs.identifiers import id_check_char, uscc_check_char

pytestmark = pytest.mark.browser
PASSWORD = "Quiet-Harbour-2026"
DEMO_PASSWORD = "Demo-Pass-2026"


def _pdf(path: Path, text: str) -> Path:
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + text.encode()
                     + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    return path


def upload(page, kind_label, path):
    page.get_by_label("材料类型").select_option(label=kind_label)
    page.get_by_label("文件（PDF、JPEG 或 PNG，不超过 10 MB）").set_input_files(str(path))
    page.get_by_role("button", name="上传").click()
    expect(page.locator(".messages")).to_contain_text("已上传")


@pytest.mark.req("R17.1")
def test_an_employer_is_rejected_corrects_a_document_and_is_verified(
        live_site, page, browser, tmp_path):
    # The reviewer yang.fan with a TOTP device (the demo postings are not needed here).
    manage_live(live_site, "demo_data", "--postings", "0", "--no-agreements")
    body = "91140702MA0000777"
    uscc = body + uscc_check_char(body)
    id_body = "14010519900101123"

    # An employer's operator signs up and registers the employer.
    page.goto(live_site + "/accounts/sign-up/")
    page.get_by_label("用人单位招聘人员").check()
    page.get_by_label("用户名").fill("zhou.hr")
    page.get_by_label("姓名").fill("周红")
    page.get_by_label("电子邮箱").fill("zhou.hr@example.com")
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_label("再次输入密码").fill(PASSWORD)
    page.get_by_role("button", name="注册").click()
    page.goto(live_site + "/employers/register/")
    for label, value in [("单位名称", "晋中示范制造有限公司"), ("统一社会信用代码", uscc),
                         ("注册地址", "山西省晋中市榆次区示范路 2 号"), ("行政区划代码", "140702"),
                         ("法定代表人", "周大年"), ("联系人", "周红"), ("联系电话", "0354-1234567"),
                         ("经办人姓名", "周红"),
                         ("经办人身份证号码", id_body + id_check_char(id_body)),
                         ("经办人手机号码", "13700001111")]:
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="登记").click()
    expect(page.locator(".org-status")).to_contain_text("待提交")
    upload(page, "营业执照", _pdf(tmp_path / "licence.pdf", "blurred"))
    upload(page, "经办人授权委托书", _pdf(tmp_path / "letter.pdf", "letter"))
    upload(page, "招聘简章", _pdf(tmp_path / "brochure.pdf", "brochure"))
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator(".org-status")).to_contain_text("待审核")
    org_url = page.url

    # The reviewer signs in with a TOTP code and rejects with a reason.
    reviewer_context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
    reviewer = reviewer_context.new_page()
    reviewer.set_default_timeout(15_000)
    reviewer.goto(live_site + "/accounts/sign-in/?next=/review/orgs/")
    reviewer.get_by_label("用户名").fill("yang.fan")
    reviewer.get_by_label("密码").fill(DEMO_PASSWORD)
    reviewer.get_by_role("button", name="登录").click()
    reviewer.get_by_label("动态验证码或恢复码").fill(
        manage_live(live_site, "totp_code", "yang.fan").strip())
    reviewer.get_by_role("button", name="验证").click()
    reviewer.get_by_role("link", name="晋中示范制造有限公司").click()
    reviewer.get_by_label("不通过").check()
    reviewer.get_by_label("理由").fill("营业执照扫描件模糊，请重新上传清晰版本。")
    reviewer.get_by_role("button", name="提交审核结论").click()
    expect(reviewer.locator(".messages")).to_contain_text("已记录审核结论")

    # The employer sees the rejection, uploads a corrected licence and resubmits.
    page.goto(org_url)
    expect(page.locator(".org-status")).to_contain_text("未通过")
    upload(page, "营业执照", _pdf(tmp_path / "licence-clear.pdf", "clear"))
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator(".org-status")).to_contain_text("待审核")

    # The reviewer approves; the employer sees itself verified, and the archive has both.
    reviewer.goto(live_site + "/review/orgs/")
    reviewer.get_by_role("link", name="晋中示范制造有限公司").click()
    reviewer.get_by_label("通过", exact=True).check()
    reviewer.get_by_role("button", name="提交审核结论").click()
    expect(reviewer.locator(".messages")).to_contain_text("已记录审核结论")
    reviewer_context.close()

    page.goto(org_url)
    expect(page.locator(".org-status")).to_contain_text("已核验")
    page.get_by_role("link", name="登记档案").click()
    expect(page.locator("table.archive")).to_contain_text("营业执照扫描件模糊")
    expect(page.locator("table.archive")).to_contain_text("business_licence v2")
