"""import_codes: an official edition replaces a table, all or nothing, audited."""

import pytest
from django.core.management import CommandError, call_command

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied
from fairhire.core.models import AuditEvent
from fairhire.reference import selectors
from fairhire.reference.models import CodeTableVersion, Industry, Occupation, RegionChange
from fairhire.reference.services import code_table_import

pytestmark = pytest.mark.django_db

OFFICIAL_INDUSTRIES = """code,name,parent
A,农、林、牧、渔业,
01,农业,
011,谷物种植,
0111,稻谷种植,
I,信息传输、软件和信息技术服务业,
65,软件和信息技术服务业,I
651,软件开发,
6511,基础软件开发,
"""


def write(tmp_path, text, name="codes.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_official_edition_is_loaded_with_its_provenance_and_audited(tmp_path):
    # when
    version, summary = code_table_import(
        kind="industries", path=write(tmp_path, OFFICIAL_INDUSTRIES),
        source="国家统计局", edition="GB/T 4754-2017（2019 修改单）", account="ops")
    # then: new classes hang where their codes say, with the edition recorded
    rice = Industry.objects.get(code="0111")
    assert (rice.name, rice.parent_id, rice.level, rice.version) == ("稻谷种植", "011", 4, version)
    assert rice.path == "/A/01/011/0111/" and rice.initials == "dgzz"
    assert summary == {"created": 4, "updated": 4, "withdrawn": 113}
    assert selectors.code_table_current_versions()["industries"] == version
    # codes the edition no longer lists stay for old records but leave the pickers
    mining = Industry.objects.get(code="B")
    assert not mining.in_force
    assert "采矿业" not in [e.name for e in selectors.code_search(kind="industries")]
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.REFERENCE_TABLE_IMPORTED
    assert (event.account, event.details["edition"], event.details["rows"]) == \
        ("ops", "GB/T 4754-2017（2019 修改单）", 8)


def test_a_bad_file_is_refused_with_line_numbers_and_nothing_is_written(tmp_path):
    bad = ("code,name\n"
           "2,专业技术人员\n"
           "2-02,工程技术人员\n"
           "2-02-99-01,\n"        # line 4: no name
           "2-2-10,信息人员\n"     # line 5: not the book's format
           "2-02,重复的中类\n")    # line 6: duplicate
    before = (Occupation.objects.count(), CodeTableVersion.objects.count())
    with pytest.raises(InvalidInput) as refused:
        code_table_import(kind="occupations", path=write(tmp_path, bad), source="x",
                          edition="y")
    message = str(refused.value.message)
    assert "第 4 行：名称为空" in message
    assert "第 5 行：代码“2-2-10”格式不对" in message
    assert "第 6 行：代码 2-02 与第 3 行重复" in message
    assert (Occupation.objects.count(), CodeTableVersion.objects.count()) == before
    assert Occupation.objects.filter(in_force=False).count() == 0
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(("text", "expected"), [
    ("name\n农业\n", "第 1 行：表头缺少列 code"),
    ("code,name\n", "没有数据行"),
    ("code,name,parent\n01,农业,Z\n", "第 2 行：上级代码 Z 不在文件中"),
    ("code,name\n0111,稻谷种植\n", "第 2 行：找不到 0111 的上级"),
    ("code,name\nA,农业,多余\n", "第 2 行：列数多于表头"),
])
def test_broken_files_are_refused_with_the_line_at_fault(tmp_path, text, expected):
    with pytest.raises(InvalidInput, match=expected):
        code_table_import(kind="industries", path=write(tmp_path, text), source="x",
                          edition="y")


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("code,name\nB,采矿业\n".encode("gbk"))
    with pytest.raises(InvalidInput, match=r"UTF-8.*第 2 行"):
        code_table_import(kind="industries", path=path, source="x", edition="y")


def test_an_import_without_source_or_edition_is_refused(tmp_path):
    with pytest.raises(InvalidInput):
        code_table_import(kind="industries", path=write(tmp_path, OFFICIAL_INDUSTRIES),
                          source=" ", edition="y")


@pytest.mark.parametrize("role", [Role.SEEKER, Role.EMPLOYER_STAFF, Role.REVIEWER,
                                  Role.AUDIT_ADMIN])
def test_only_the_system_administrator_may_import_from_the_application(tmp_path, role):
    with pytest.raises(PermissionDenied):
        code_table_import(kind="industries", path=write(tmp_path, OFFICIAL_INDUSTRIES),
                          source="x", edition="y", actor=make_user(role))
    assert Industry.objects.filter(in_force=False).count() == 0


def test_region_changes_can_be_added_and_then_resolve(tmp_path):
    text = "old_code,old_name,new_code,year,kind,note\n140199,旧区,140105,2030,merged,测试\n"
    code_table_import(kind="region-changes", path=write(tmp_path, text), source="民政部",
                      edition="2030 年变更")
    assert RegionChange.objects.filter(old_code="140199").exists()
    assert selectors.region_resolve(code="140199").region.name == "小店区"


def test_a_region_change_to_an_unknown_code_is_refused(tmp_path):
    text = "old_code,old_name,new_code\n140199,旧区,149999\n"
    with pytest.raises(InvalidInput, match="第 2 行：现代码 149999 不在行政区划表中"):
        code_table_import(kind="region-changes", path=write(tmp_path, text), source="x",
                          edition="y")


def test_the_command_imports_a_file_and_reports_what_changed(tmp_path, capsys):
    call_command("import_codes", "industries", str(write(tmp_path, OFFICIAL_INDUSTRIES)),
                 "--source", "国家统计局", "--edition", "2019 修改单")
    assert "imported industries 2019 修改单: 8 rows" in capsys.readouterr().out
    event = AuditEvent.objects.get()
    assert event.details["channel"] == "command" and event.account.startswith("shell:")


def test_the_command_refuses_a_bad_file_with_its_line_numbers(tmp_path):
    with pytest.raises(CommandError, match="第 2 行"):
        call_command("import_codes", "industries", str(write(tmp_path, "code,name\n!,x\n")),
                     "--source", "x", "--edition", "y")
