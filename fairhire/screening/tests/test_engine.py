"""The compliance screener engine (shared/SCREENING.md; Regulation Art. 15 and 19).

No Django and no mocks: every test screens real text with the shipped ruleset or a ruleset built
from real operator overrides. The examples are the ones SCREENING.md lists, plus the surface
variants it says the screener must read through, plus texts that only look like triggers.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fairhire.screening.engine import (
    CATEGORIES,
    Flag,
    Overrides,
    RulesetError,
    ScreenResult,
    build_ruleset,
    check,
    default_ruleset,
    fold,
    normalise,
    screen,
)
from fairhire.screening.engine.normalise import traditional_to_simplified
from fairhire.screening.engine.numerals import parse_chinese_number

REPO = Path(__file__).resolve().parents[3]
SCREENING_MD = REPO.parent / "shared" / "SCREENING.md"

# Which requirement each category proves (shared/REQUIREMENTS.md).
REQUIREMENT = {
    "gender": "R15.2",
    "marital_childbearing": "R15.2",
    "ethnicity_race": "R15.2",
    "religion": "R15.2",
    "age": "R15.2",
    "health": "R15.2",
    "disability": "R15.2",
    "appearance": "R15.2",
    "education_prestige": "R15.2",
    "hukou_region": "R15.3",
    "identity": "R15.3",
    "fraud_signal": "R19.1",
    "deposit_fee": "R19.2",
}

# The basis column of SCREENING.md, exactly (a reviewer and outside evaluations read it).
BASIS = {
    "gender": "就业促进法 Art 27; 妇女权益保障法 Art 43(1); 劳动法 Art 12-13; Reg Art 15(1); "
    "2019 nine-department notice on recruitment and women's employment",
    "marital_childbearing": "妇女权益保障法 Art 43(2)-(4); 就业促进法 Art 27",
    "ethnicity_race": "就业促进法 Art 3, 28; 劳动法 Art 12; Reg Art 15(1)",
    "religion": "就业促进法 Art 3; 劳动法 Art 12; Reg Art 15(1)",
    "age": "Enterprise notice §8 (age discrimination); 就业促进法 Art 3, 26",
    "hukou_region": "Reg Art 15(2); 就业促进法 Art 31",
    "identity": "Reg Art 15(2); 就业促进法 Art 31",
    "health": "就业促进法 Art 30; the 2010 notice removing HBV tests from employment checks",
    "disability": "就业促进法 Art 29; 残疾人保障法 Art 38",
    "appearance": "就业促进法 Art 26 (fair conditions); Enterprise notice §8",
    "education_prestige": "Enterprise notice §8 (education discrimination)",
    "deposit_fee": "Reg Art 19(2); 劳动合同法 Art 9; 就业促进法 Art 66",
    "fraud_signal": "Reg Art 19(1); 人力资源市场暂行条例 (false information)",
}

# Every example in the SCREENING.md table: (text, category, severity).
TABLE_EXAMPLES = [
    ("限男性", "gender", "block"),
    ("男性优先", "gender", "block"),
    ("仅招女生", "gender", "block"),
    ("女士优先", "gender", "block"),
    ("要求男", "gender", "block"),
    ("已婚已育", "marital_childbearing", "block"),
    ("未婚", "marital_childbearing", "block"),
    ("三年内无生育计划", "marital_childbearing", "block"),
    ("入职需孕检", "marital_childbearing", "block"),
    ("限汉族", "ethnicity_race", "block"),
    ("不招少数民族", "ethnicity_race", "block"),
    ("某族勿扰", "ethnicity_race", "block"),
    ("无宗教信仰", "religion", "block"),
    ("不招信教者", "religion", "block"),
    ("35岁以下", "age", "review"),
    ("限90后", "age", "review"),
    ("年龄22-30岁", "age", "review"),
    ("四十岁以下", "age", "review"),
    ("限本地户口", "hukou_region", "block"),
    ("本市户籍优先", "hukou_region", "block"),
    ("非农户口", "hukou_region", "block"),
    ("不招某省人", "hukou_region", "block"),
    ("农民工勿扰", "identity", "block"),
    ("限城镇职工身份", "identity", "block"),
    ("限在编人员", "identity", "block"),
    ("乙肝携带者勿扰", "health", "block"),
    ("需查乙肝五项", "health", "block"),
    ("不招HIV携带者", "health", "block"),
    ("不招残疾人", "disability", "block"),
    ("身体无残疾", "disability", "block"),
    ("身高165cm以上", "appearance", "review"),
    ("五官端正", "appearance", "review"),
    ("颜值高", "appearance", "review"),
    ("体重50公斤以下", "appearance", "review"),
    ("第一学历211", "education_prestige", "review"),
    ("只要985", "education_prestige", "review"),
    ("双一流毕业", "education_prestige", "review"),
    ("押金", "deposit_fee", "block"),
    ("保证金", "deposit_fee", "block"),
    ("培训费", "deposit_fee", "review"),
    ("服装费", "deposit_fee", "review"),
    ("工装费", "deposit_fee", "review"),
    ("报名费", "deposit_fee", "review"),
    ("资料费", "deposit_fee", "review"),
    ("中介费", "deposit_fee", "review"),
    ("入职需押身份证", "deposit_fee", "block"),
    ("入职需押毕业证", "deposit_fee", "block"),
    ("入职需押身份证/毕业证", "deposit_fee", "block"),
    ("刷单", "fraud_signal", "review"),
    ("打字员日赚", "fraud_signal", "review"),
    ("无需经验日结高薪", "fraud_signal", "review"),
    ("先交钱后上岗", "fraud_signal", "review"),
    ("贷款入职", "fraud_signal", "review"),
    ("培训贷", "fraud_signal", "review"),
    ("垫付", "fraud_signal", "review"),
    ("足不出户月入过万", "fraud_signal", "review"),
]

# "Lawful text that must NOT be flagged" in SCREENING.md, one example per line item.
LAWFUL_EXAMPLES = [
    "男女不限", "性别不限", "不限户籍", "年龄不限", "民族不限", "欢迎应届生",
    "年满18周岁", "16周岁以上",
    "面向2026届毕业生",
    "退役军人优先", "残疾人优先", "少数民族优先", "就业困难人员优先",
    "健康证", "食品加工岗位须持健康证上岗", "身体健康", "能适应倒班", "普通话标准", "C1驾照",
    "特种作业操作证", "教师资格证", "本科及以上学历", "三年以上经验",
    "女装店招聘导购", "某某男科医院招聘护士", "妇幼保健院招聘儿科医生", "提供母婴护理服务",
    "招聘30人", "工作35天", "招聘押运员", "本公司已向平台缴纳保证金",
    "公司提供免费培训", "培训免费", "上岗前公司免费体检",
]

# A posting body to embed examples in: clean on its own.
BEFORE = "某某物流公司招聘仓库管理员3名，负责货物出入库，"
AFTER = "，月薪5000-7000元，缴纳五险一金，包吃包住，联系电话13800138000。"


def req(category: str) -> pytest.MarkDecorator:
    return pytest.mark.req(REQUIREMENT[category])


def flags_of(text: str, category: str, **kwargs) -> list[Flag]:
    return [flag for flag in screen(text, **kwargs) if flag.category == category]


def assert_points_into(text: str, flag: Flag) -> None:
    assert 0 <= flag.start < flag.end <= len(text)
    assert text[flag.start:flag.end] == flag.excerpt


# --------------------------------------------------------------------------------------------
# The specification table
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [pytest.param(*example, marks=req(example[1]), id=example[0]) for example in TABLE_EXAMPLES],
)
def test_every_example_in_the_specification_table_is_flagged_with_its_category_and_severity(
    text, category, severity
):
    flags = flags_of(text, category)

    assert [flag.severity for flag in flags] == [severity]
    (flag,) = flags
    assert_points_into(text, flag)
    assert flag.basis == BASIS[category]
    assert flag.message and flag.message_en


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [pytest.param(*example, marks=req(example[1]), id=example[0]) for example in TABLE_EXAMPLES],
)
def test_a_table_example_inside_a_posting_is_flagged_on_its_own_words(text, category, severity):
    posting = BEFORE + text + AFTER

    flags = flags_of(posting, category)

    assert [flag.severity for flag in flags] == [severity]
    (flag,) = flags
    assert_points_into(posting, flag)
    assert len(BEFORE) <= flag.start and flag.end <= len(BEFORE) + len(text)


@pytest.mark.req("R15.2")
def test_the_clean_posting_body_used_for_embedding_is_not_flagged():
    assert screen(BEFORE + AFTER) == []


@pytest.mark.parametrize("text", LAWFUL_EXAMPLES)
@pytest.mark.req("R15.2")
@pytest.mark.req("R15.3")
@pytest.mark.req("R19.2")
def test_every_lawful_example_in_the_specification_is_not_flagged(text):
    assert screen(text) == []
    assert screen(BEFORE + text + AFTER) == []


@pytest.mark.req("R15.2")
def test_every_category_carries_the_basis_and_severity_of_the_specification_table():
    ruleset = default_ruleset()

    assert set(ruleset.categories) == set(CATEGORIES) == set(BASIS)
    for name, category in ruleset.categories.items():
        assert category.basis == BASIS[name]
        assert category.message and category.message_en
    severities = {name: category.severity for name, category in ruleset.categories.items()}
    assert severities == {
        name: ("review" if name in {"age", "appearance", "education_prestige", "fraud_signal"}
               else "block")
        for name in CATEGORIES
    }


@pytest.mark.skipif(not SCREENING_MD.exists(), reason="shared/SCREENING.md is not beside the repo")
@pytest.mark.req("R15.2")
def test_the_category_names_and_basis_match_screening_md_word_for_word():
    rows = re.findall(r"^\| `(\w+)` \|[^|]*\|([^|]*)\|([^|]*)\|$", SCREENING_MD.read_text(),
                      re.MULTILINE)
    table = {name: (severity.strip(), basis.strip()) for name, severity, basis in rows}

    assert set(table) == set(CATEGORIES)
    ruleset = default_ruleset()
    for name, (severity, basis) in table.items():
        assert ruleset.category(name).basis == basis
        assert severity.startswith(ruleset.category(name).severity)


# --------------------------------------------------------------------------------------------
# Text the screener must read through: offsets always point into the original text
# --------------------------------------------------------------------------------------------

SURFACE_VARIANTS = [
    # traditional characters
    ("僅招女生", "gender", "僅招女生"),
    ("限男性，三十五歲以下", "age", "三十五歲以下"),
    ("限本地戶口", "hukou_region", "限本地戶口"),
    ("乙肝攜帶者勿擾", "health", "乙肝攜帶者勿擾"),
    ("入職需繳納保證金", "deposit_fee", "保證金"),
    ("已婚已育者優先", "marital_childbearing", "已婚已育者優先"),
    ("不招殘疾人", "disability", "不招殘疾人"),
    ("刷單返利", "fraud_signal", "刷單返利"),
    ("第一學歷211", "education_prestige", "第一學歷211"),
    ("顏值高", "appearance", "顏值高"),
    ("農民工勿擾", "identity", "農民工勿擾"),
    ("限漢族", "ethnicity_race", "限漢族"),
    # full-width letters and digits
    ("ＭＡＬＥ　ＯＮＬＹ", "gender", "ＭＡＬＥ　ＯＮＬＹ"),
    ("３５岁以下", "age", "３５岁以下"),
    ("身高１６５ｃｍ以上", "appearance", "身高１６５ｃｍ以上"),
    ("押金５００元", "deposit_fee", "押金５００元"),
    ("不招ＨＩＶ携带者", "health", "不招ＨＩＶ携带者"),
    # spaces or symbols inside a word
    ("限 男", "gender", "限 男"),
    ("限-男", "gender", "限-男"),
    ("限*男", "gender", "限*男"),
    ("男·性·优·先", "gender", "男·性·优·先"),
    ("限\u200b男", "gender", "限\u200b男"),
    ("押 金", "deposit_fee", "押 金"),
    ("刷-单", "fraud_signal", "刷-单"),
    ("乙 肝 携 带 者 勿 扰", "health", "乙 肝 携 带 者 勿 扰"),
    ("本地/户口/优先", "hukou_region", "本地/户口/优先"),
    # Chinese numerals
    ("三十五岁以下", "age", "三十五岁以下"),
    ("卅五岁以下", "age", "卅五岁以下"),
    ("四十周岁以下", "age", "四十周岁以下"),
    ("年龄二十五至三十五岁", "age", "年龄二十五至三十五岁"),
    ("限九零后", "age", "限九零后"),
    ("身高一米六五以上", "appearance", "身高一米六五以上"),
    ("押金两千元", "deposit_fee", "押金两千元"),
    # ranges
    ("25~35岁", "age", "25~35岁"),
    ("25～35岁", "age", "25～35岁"),
    ("25至35周岁", "age", "25至35周岁"),
    ("25-35岁", "age", "25-35岁"),
    ("25到35岁", "age", "25到35岁"),
    ("25岁-35岁", "age", "25岁-35岁"),
    ("25 - 35 岁", "age", "25 - 35 岁"),
    # English mixed in
    ("male only", "gender", "male only"),
    ("Male Only", "gender", "Male Only"),
    ("MALE-ONLY", "gender", "MALE-ONLY"),
    ("招聘司机，female preferred", "gender", "female preferred"),
    ("under 35", "age", "under 35"),
    ("Under 35, male only", "age", "Under 35"),
    ("aged 22-30", "age", "aged 22-30"),
    ("35 or younger", "age", "35 or younger"),
    ("local hukou only", "hukou_region", "local hukou only"),
    ("no hepatitis B carriers", "health", "hepatitis B carriers"),
]


@pytest.mark.parametrize(
    ("text", "category", "evidence"),
    [pytest.param(*variant, marks=req(variant[1]), id=variant[0]) for variant in SURFACE_VARIANTS],
)
def test_a_disguised_trigger_is_read_through_and_its_offsets_point_at_the_original_words(
    text, category, evidence
):
    posting = BEFORE + text + AFTER

    flags = flags_of(posting, category)

    assert len(flags) == 1
    (flag,) = flags
    assert_points_into(posting, flag)
    assert flag.excerpt == evidence
    assert flag.start == len(BEFORE) + text.index(evidence)


@pytest.mark.req("R15.2")
def test_english_words_match_whole_so_female_only_is_not_read_as_male_only():
    (flag,) = screen("Female only")

    assert (flag.category, flag.excerpt) == ("gender", "Female only")
    assert screen("male or female, any gender") == []
    assert screen("Our menu only uses local produce") == []


@pytest.mark.req("R15.2")
def test_a_posting_with_several_disguises_reports_every_flag_on_the_original_text():
    text = (
        "誠聘司機：限 男，年齡二十五至三十五歲，身高１７０ｃｍ以上，本地戶口優先，"
        "入職需交押金５００元。"
    )

    flags = screen(text)

    assert [(flag.category, flag.excerpt) for flag in flags] == [
        ("gender", "限 男"),
        ("age", "年齡二十五至三十五歲"),
        ("appearance", "身高１７０ｃｍ以上"),
        ("hukou_region", "本地戶口優先"),
        ("deposit_fee", "押金５００元"),
    ]
    for flag in flags:
        assert_points_into(text, flag)


@pytest.mark.parametrize(
    ("chinese", "digits"),
    [
        ("三十五", "35"), ("卅五", "35"), ("四十", "40"), ("十八", "18"), ("廿五", "25"),
        ("九零", "90"), ("二〇二六", "2026"), ("一百六十五", "165"), ("一百六", "160"),
        ("两千", "2000"), ("三千五", "3500"), ("一万五", "15000"), ("一百零五", "105"),
        ("十", "10"),
    ],
)
def test_chinese_numerals_are_read_as_numbers(chinese, digits):
    assert parse_chinese_number(chinese) == digits


@pytest.mark.parametrize("run", ["万", "千万", "五六十"])
def test_numeral_runs_that_are_not_one_number_are_left_alone(run):
    assert parse_chinese_number(run) is None


def test_numerals_outside_a_quantity_keep_their_word_shape():
    assert fold("第一学历，五官端正，一线城市") == "第一学历,五官端正,一线城市"


# Other ways employers write the same conditions: the lexicon generalises beyond the table.
BEYOND_THE_TABLE = [
    ("此岗位只招男生", "gender"), ("男性为主", "gender"), ("招聘文员（女）", "gender"),
    ("性别：女", "gender"), ("男士免进", "gender"), ("不考虑女性", "gender"),
    ("优先录用男性", "gender"), ("女的不要", "gender"), ("限35岁以下男性", "gender"),
    ("male candidates are preferred", "gender"), ("prefer female applicants", "gender"),
    ("单身者优先", "marital_childbearing"), ("两年内不能要孩子", "marital_childbearing"),
    ("育有子女者优先", "marital_childbearing"), ("孕妇勿扰", "marital_childbearing"),
    ("宝妈优先", "marital_childbearing"), ("仅限汉族人", "ethnicity_race"),
    ("少数民族除外", "ethnicity_race"), ("只招白人外教", "ethnicity_race"),
    ("民族：汉", "ethnicity_race"), ("不招收穆斯林", "religion"), ("基督徒优先", "religion"),
    ("信仰宗教者勿扰", "religion"), ("年龄不得超过45岁", "age"), ("30岁以内优先", "age"),
    ("年纪在三十岁左右", "age"), ("35岁+勿扰", "age"), ("外地户籍勿扰", "hukou_region"),
    ("限广东籍", "hukou_region"), ("湖南人优先", "hukou_region"),
    ("不招河南、安徽籍人员", "hukou_region"), ("户籍：本市", "hukou_region"),
    ("非本地户籍不予录用", "hukou_region"), ("限事业编制人员", "identity"),
    ("不招外来务工人员", "identity"), ("需做乙肝两对半检查", "health"),
    ("艾滋病患者勿扰", "health"), ("身体健康，无乙肝", "health"), ("听力障碍者勿扰", "disability"),
    ("要求四肢健全", "disability"), ("长相清秀", "appearance"), ("形象气质佳", "appearance"),
    ("毕业于985高校", "education_prestige"), ("仅限985/211", "education_prestige"),
    ("世界排名前100的大学", "education_prestige"), ("专升本勿扰", "education_prestige"),
    ("押三个月工资", "deposit_fee"), ("扣押身份证", "deposit_fee"), ("交纳风险金", "deposit_fee"),
    ("需自费体检", "deposit_fee"), ("招聘刷单员", "fraud_signal"),
    ("动动手指就能月入过万", "fraud_signal"), ("无需任何经验，一部手机日入500+", "fraud_signal"),
]


@pytest.mark.parametrize(
    ("text", "category"),
    [pytest.param(*case, marks=req(case[1]), id=case[0]) for case in BEYOND_THE_TABLE],
)
def test_other_common_phrasings_of_a_condition_are_flagged(text, category):
    posting = BEFORE + text + AFTER

    flags = flags_of(posting, category)

    assert flags
    for flag in flags:
        assert_points_into(posting, flag)
        assert len(BEFORE) <= flag.start and flag.end <= len(BEFORE) + len(text)


@pytest.mark.parametrize(
    "text",
    [
        "本公司严格遵守《就业促进法》，不设性别、年龄、户籍限制", "我们承诺：不收取押金、保证金",
        "提供男女生宿舍", "孕期女职工依法调整岗位", "为女职工提供哺乳室", "户籍：不限",
        "学历：本科；院校：不限", "35岁以上人员可参加", "要求持有残疾人证",
        "服务费由用人单位支付，求职者免费", "严禁收取求职者押金", "乙肝携带者也可以",
        "限额报名30人", "限时招聘，招满即止", "男装部导购", "男子篮球队教练",
        "公司地址：人民路985号", "年薪211万", "全日制统招本科及以上学历", "本岗位对身高无要求",
        "本店为孕婴用品店",
        "招聘月嫂、育婴师，服务新生儿家庭", "Candidates: male or female", "激发无限女性力量",
        "某某服饰有限公司招聘店员",
    ],
)
def test_texts_that_only_look_like_triggers_set_no_condition(text):
    assert screen(text) == []


@pytest.mark.req("R15.2")
def test_height_thresholds_for_both_sexes_are_appearance_not_gender():
    flags = screen("男175cm以上，女165cm以上")

    assert [flag.category for flag in flags] == ["appearance", "appearance"]


# --------------------------------------------------------------------------------------------
# Context: thresholds with their numbers, negations, lawful phrases, payers, fee amounts
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "35岁以下", "35周岁以内", "35周岁(含)以下", "年龄不超过35岁", "年龄35以下", "年龄：22-30",
        "18-45周岁", "年龄在18至45周岁之间", "25岁左右", "35岁以上勿扰", "超过40岁不要",
        "限90后", "90后优先", "限80、90后", "95后女生", "年轻人优先", "大龄勿扰", "under 35",
        "aged 22-30", "35 or younger", "no older than 40",
    ],
)
@pytest.mark.req("R15.2")
def test_an_upper_age_limit_or_an_age_band_is_flagged_for_review(text):
    flags = flags_of(text, "age")

    assert [flag.severity for flag in flags] == ["review"]


@pytest.mark.parametrize(
    "text",
    [
        "年满18周岁", "16周岁以上", "18周岁以上", "年满十八周岁", "未满18周岁不予录用",
        "面向2026届毕业生", "招聘30人", "工作35天", "三年以上经验", "2-3年经验", "每班5-10人",
        "月薪3000-5000元", "照顾3岁以下婴幼儿", "提供35天带薪培训",
    ],
)
@pytest.mark.req("R15.2")
def test_a_minimum_working_age_or_a_number_that_is_not_an_age_is_not_flagged(text):
    assert flags_of(text, "age") == []


@pytest.mark.parametrize(
    "text",
    [
        "身高165cm以上", "身高1.65米以上", "身高1米65以上", "身高：160-175cm", "女生165以上",
        "身高不低于170公分", "体重50公斤以下", "体重不超过100斤", "BMI小于24",
    ],
)
@pytest.mark.req("R15.2")
def test_height_and_weight_thresholds_are_flagged_as_appearance(text):
    assert [flag.severity for flag in flags_of(text, "appearance")] == ["review"]


@pytest.mark.parametrize(
    "text", ["身高不限", "体重不限", "搬运货物每件100斤以下", "企业形象好", "形象设计师", "3层楼高"]
)
@pytest.mark.req("R15.2")
def test_texts_about_height_weight_or_image_that_set_no_condition_are_not_flagged(text):
    assert flags_of(text, "appearance") == []


@pytest.mark.parametrize(
    "text",
    [
        "户籍不限", "不限户籍", "户口不限", "本地户口、外地户口均可", "不要求本地户口",
        "可解决本市户口", "表现优秀者可落北京户口", "欢迎外地求职者", "北京市朝阳区人民医院",
    ],
)
@pytest.mark.req("R15.3")
def test_a_negated_or_granted_hukou_is_not_a_restriction(text):
    assert flags_of(text, "hukou_region") == []


@pytest.mark.req("R15.3")
def test_a_negation_followed_by_an_exclusion_is_still_flagged():
    (flag,) = screen("无本地户口勿扰")

    assert flag.category == "hukou_region"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("婚否不限", "marital_childbearing"), ("无需孕检", "marital_childbearing"),
        ("享受婚假、产假、哺乳假", "marital_childbearing"),
        ("缴纳生育保险", "marital_childbearing"),
        ("已婚可安排夫妻房", "marital_childbearing"), ("入职体检不查乙肝", "health"),
        ("欢迎乙肝携带者", "health"), ("负责乙肝疫苗接种", "health"), ("宗教信仰不限", "religion"),
        ("尊重宗教信仰，设清真食堂", "religion"), ("不分民族", "ethnicity_race"),
        ("不限性别", "gender"), ("招聘男女普工各10名", "gender"), ("急招男女服务员", "gender"),
        ("欢迎残疾人朋友", "disability"), ("不限院校", "education_prestige"),
        ("乘坐211路公交", "education_prestige"), ("本公司成立于1985年", "education_prestige"),
        ("城镇职工基本医疗保险", "identity"), ("非在编岗位", "identity"),
    ],
)
def test_neutral_negated_and_look_alike_phrases_are_not_flagged(text, category):
    assert flags_of(text, category) == []


@pytest.mark.parametrize(
    ("text", "excerpt", "severity"),
    [
        ("入职需交押金500元", "押金500元", "block"),
        ("入职需向公司缴纳押金500元", "押金500元", "block"),
        ("公司包吃住押金200元", "押金200元", "block"),
        ("缴纳500元保证金", "500元保证金", "block"),
        ("工资押一个月", "工资押一个月", "block"),
        ("身份证原件需交公司保管", "身份证原件需交公司保管", "block"),
        ("毕业证押在公司", "毕业证押在公司", "block"),
        ("不交押金不能上岗", "押金", "block"),
        ("培训费三千元", "培训费三千元", "review"),
        ("收取中介费300元", "中介费300元", "review"),
        ("培训费500元，由学员自付", "培训费500元", "review"),
        ("入职需交200元", "需交200元", "review"),
    ],
)
@pytest.mark.req("R19.2")
def test_deposits_and_held_documents_block_and_other_fees_go_to_review(text, excerpt, severity):
    (flag,) = flags_of(text, "deposit_fee")

    assert (flag.excerpt, flag.severity) == (excerpt, severity)


@pytest.mark.parametrize(
    "text",
    [
        "无押金", "零押金", "不收取任何押金", "本公司不以任何名义向求职者收取押金", "押金全免",
        "押金：无", "押金：0元", "押金：不收取", "职业介绍服务费300元/人（由用人单位支付）",
        "本公司已向平台缴纳保证金", "企业需向平台缴纳保证金", "平台向商家收取保证金",
        "保证金由企业缴纳", "工装费由公司承担", "公司承担培训费", "入职体检费用由公司承担",
        "设有农民工工资保证金专户", "免费提供工作服", "招聘押运员", "公司每月支付3000元补贴",
        "提供身份证复印件",
    ],
)
@pytest.mark.req("R19.2")
def test_deposits_and_fees_that_are_refused_or_paid_by_the_employer_are_not_flagged(text):
    assert flags_of(text, "deposit_fee") == []


@pytest.mark.parametrize(
    "text",
    [
        "在家兼职打字，日赚300-500", "日赚1500元，轻松上手", "月入三万，在家即可",
        "先交培训费，培训合格后上岗", "培训费可申请贷款分期", "无需经验，日结高薪", "刷单返利",
    ],
)
@pytest.mark.req("R19.1")
def test_implausible_pay_pay_to_start_and_loans_are_fraud_signals_for_review(text):
    flags = flags_of(text, "fraud_signal")

    assert flags and all(flag.severity == "review" for flag in flags)


@pytest.mark.parametrize(
    "text", ["日结工资200元", "谨防刷单诈骗", "本岗位无需垫付任何费用", "公司垫付医疗费", "月薪3万"]
)
@pytest.mark.req("R19.1")
def test_ordinary_pay_and_warnings_against_scams_are_not_fraud_signals(text):
    assert flags_of(text, "fraud_signal") == []


@pytest.mark.parametrize(
    "text",
    [
        "煤矿井下采掘工，限男性",
        "装卸工，每次负重30公斤以上，男性优先",
        "本岗位为第四级体力劳动强度作业，只招男工",
    ],
)
@pytest.mark.req("R15.2")
def test_a_job_closed_to_women_is_still_flagged_and_the_message_names_the_rule(text):
    (flag,) = flags_of(text, "gender")

    assert flag.severity == "block"
    assert "女职工劳动保护特别规定" in flag.message
    assert "女职工劳动保护特别规定" in flag.message_en


@pytest.mark.req("R15.2")
def test_an_ordinary_gender_flag_does_not_mention_the_labour_protection_rule():
    (flag,) = flags_of("招聘前台，女士优先", "gender")

    assert "女职工劳动保护特别规定" not in flag.message


@pytest.mark.req("R15.2")
def test_overlapping_evidence_of_one_category_is_one_flag():
    (flag,) = screen("限男性优先")

    assert flag.excerpt == "限男性优先"


@pytest.mark.req("R15.2")
def test_a_longer_exclusion_wins_over_the_lawful_phrase_it_contains():
    assert [flag.excerpt for flag in screen("不欢迎残疾人")] == ["不欢迎残疾人"]
    assert screen("欢迎残疾人") == []


@pytest.mark.req("R15.2")
def test_flags_come_in_text_order_with_chinese_and_english_messages_that_say_how_to_fix():
    flags = screen("乙肝携带者勿扰，限男性，35岁以下")

    assert [flag.category for flag in flags] == ["health", "gender", "age"]
    assert all("请" in flag.message and flag.message_en for flag in flags)


# --------------------------------------------------------------------------------------------
# Operator overrides and the ruleset version
# --------------------------------------------------------------------------------------------


@pytest.mark.req("R15.3")
def test_an_operator_added_term_is_flagged_in_any_surface_form():
    ruleset = build_ruleset({"added_terms": [{"term": "限本村人", "category": "hukou_region"}]})

    assert screen("只招限本村人") == []
    (flag,) = screen("只招限本村人", ruleset=ruleset)
    assert (flag.category, flag.severity, flag.rule) == ("hukou_region", "block", "operator")
    (traditional,) = screen("限 本 村 人", ruleset=ruleset)
    assert traditional.excerpt == "限 本 村 人"


@pytest.mark.req("R15.2")
def test_an_operator_added_term_may_set_its_own_severity():
    ruleset = build_ruleset(
        {"added_terms": [{"term": "能喝酒", "category": "appearance", "severity": "info"}]}
    )

    (flag,) = screen("要求能喝酒", ruleset=ruleset)
    assert flag.severity == "info"


@pytest.mark.req("R15.2")
def test_an_operator_disabled_term_is_no_longer_flagged_in_any_surface_form():
    ruleset = build_ruleset(Overrides(disabled_terms=("雙一流",)))

    assert flags_of("双一流毕业", "education_prestige", ruleset=ruleset) == []
    assert flags_of("双一流毕业", "education_prestige") != []


@pytest.mark.req("R15.2")
def test_an_operator_may_disable_a_whole_pattern_by_its_id():
    ruleset = build_ruleset({"disabled_rules": ["age.band"]})

    assert flags_of("25-35岁", "age", ruleset=ruleset) == []
    assert flags_of("35岁以下", "age", ruleset=ruleset) != []


@pytest.mark.req("R15.2")
def test_an_operator_added_lawful_phrase_clears_the_flag_it_overlaps():
    text = "招聘女子监狱管教民警"
    ruleset = build_ruleset(
        {"lawful_phrases": [{"phrase": "女子监狱", "categories": ["gender"]}]}
    )

    assert flags_of(text, "gender") != []
    assert screen(text, ruleset=ruleset) == []


@pytest.mark.req("R19.2")
def test_a_lawful_phrase_scoped_to_one_category_leaves_other_categories_flagged():
    ruleset = build_ruleset(
        {"lawful_phrases": [{"phrase": "押金500元", "categories": ["gender"]}]}
    )

    assert [flag.category for flag in screen("押金500元", ruleset=ruleset)] == ["deposit_fee"]


@pytest.mark.req("R15.2")
def test_every_flag_records_the_ruleset_version_and_overrides_change_it():
    shipped = default_ruleset()
    labelled = build_ruleset({"disabled_terms": ["双一流"], "label": "17"})
    unlabelled = build_ruleset({"disabled_terms": ["双一流"]})

    assert re.fullmatch(r"\d{4}\.\d+\.\d+", shipped.version)
    assert labelled.version == f"{shipped.version}+ops.17"
    assert unlabelled.version.startswith(f"{shipped.version}+ops.")
    assert unlabelled.version != labelled.version
    assert build_ruleset({}).version == shipped.version
    assert {flag.ruleset_version for flag in screen("限男性，35岁以下")} == {shipped.version}
    assert {flag.ruleset_version for flag in screen("限男性", ruleset=labelled)} == {
        labelled.version
    }


@pytest.mark.req("R15.2")
def test_a_clean_text_still_records_the_ruleset_version():
    result = check("招聘会计，本科及以上学历")

    assert result == ScreenResult(flags=(), ruleset_version=default_ruleset().version)
    assert result.to_dict() == {"flags": [], "ruleset": default_ruleset().version}


def test_the_result_serialises_to_plain_data_for_the_api_and_the_command_line():
    result = check("押金200元")

    (flag,) = result.to_dict()["flags"]
    assert flag == {
        "category": "deposit_fee", "severity": "block", "start": 0, "end": 6,
        "excerpt": "押金200元", "basis": BASIS["deposit_fee"],
        "message": flag["message"], "message_en": flag["message_en"], "rule": "deposit.deposit",
        "term": "押金", "ruleset_version": result.ruleset_version,
    }
    assert result.blocking == result.flags and not result.needs_review


def test_the_dict_and_dataclass_forms_of_overrides_build_the_same_ruleset():
    data = {
        "added_terms": [{"term": "限本村人", "category": "hukou_region"}],
        "disabled_terms": ["双一流"],
        "lawful_phrases": ["押题老师"],
        "label": "3",
    }

    assert build_ruleset(data).version == build_ruleset(Overrides.from_dict(data)).version
    assert Overrides.from_dict(data).digest() == Overrides.from_dict(dict(data)).digest()


@pytest.mark.parametrize(
    "overrides",
    [
        {"added_terms": [{"term": "限本村人", "category": "hometown"}]},
        {"added_terms": [{"term": "男", "category": "gender"}]},
        {"added_terms": [{"term": "限本村人", "category": "gender", "severity": "urgent"}]},
        {"added_terms": ["限本村人"]},
        {"lawful_phrases": [{"phrase": "女子监狱", "categories": ["prisons"]}]},
        {"disabled": ["双一流"]},
    ],
)
def test_an_invalid_operator_override_is_refused_with_a_message(overrides):
    with pytest.raises(RulesetError):
        build_ruleset(overrides)


def test_building_an_override_ruleset_leaves_the_shipped_one_unchanged():
    build_ruleset({"disabled_terms": ["押金"], "disabled_rules": ["age.band"]})

    assert flags_of("押金", "deposit_fee") != []
    assert flags_of("25-35岁", "age") != []


# --------------------------------------------------------------------------------------------
# The engine as a component
# --------------------------------------------------------------------------------------------


def test_flags_are_frozen():
    (flag,) = screen("押金")

    with pytest.raises(dataclasses.FrozenInstanceError):
        flag.severity = "info"  # type: ignore[misc]


def test_screen_refuses_what_is_not_text_and_returns_nothing_for_empty_text():
    with pytest.raises(TypeError):
        screen(b"\xe6\x8a\xbc\xe9\x87\x91")  # type: ignore[arg-type]
    assert screen("") == []


def test_the_engine_imports_without_django():
    code = (
        "import sys; import fairhire.screening.engine as e; "
        "assert e.screen('限男性'); assert 'django' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_every_lexicon_term_is_written_in_folded_form_and_survives_folding_in_context():
    ruleset = default_ruleset()
    for term in ruleset.terms:
        assert fold(term.key) == term.key, term.key
        assert term.key in fold(f"。{term.key}。"), term.key


def test_the_character_table_maps_traditional_to_simplified_only():
    table = traditional_to_simplified()

    assert len(table) > 1500
    assert all(len(key) == len(value) == 1 and key != value for key, value in table.items())
    assert not set(table) & set(table.values())


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

TRICKY = list("限男女性优先押金岁以下三十五〇卅廿两至到户口本地乙肝残疾人身高体重cmkgMALEonly")
TRICKY += [" ", "-", "~", "*", "·", "　", "\u200b", "，", "。", "、", "/", "Ａ", "３", "歲", "僅"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.text(alphabet=st.sampled_from(TRICKY), max_size=120)))
def test_screen_never_raises_and_every_offset_is_within_the_original_text(text):
    for flag in screen(text):
        assert flag.category in CATEGORIES
        assert flag.severity in {"block", "review", "info"}
        assert_points_into(text, flag)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_every_folded_character_maps_back_into_the_original_text(text):
    normalised = normalise(text)
    for position in range(len(normalised.text)):
        start, end = normalised.span(position, position + 1)
        assert 0 <= start < end <= len(text)


# Phrases whose every character is Chinese and not a numeral: separators may go anywhere inside.
DISGUISABLE = [
    ("仅招女生", "gender"), ("男性优先", "gender"), ("已婚已育优先", "marital_childbearing"),
    ("不招少数民族", "ethnicity_race"), ("不招信教者", "religion"), ("限本地户口", "hukou_region"),
    ("农民工勿扰", "identity"), ("乙肝携带者勿扰", "health"), ("身体无残疾", "disability"),
    ("颜值高", "appearance"), ("只招双一流", "education_prestige"), ("入职需交押金", "deposit_fee"),
    ("先交钱后上岗", "fraud_signal"),
]
SIMPLIFIED_TO_TRADITIONAL = {simple: trad for trad, simple in traditional_to_simplified().items()}
SEPARATORS = [" ", "  ", "-", "*", "·", "　", "\u200b", "_", "/", "~", "、"]


@st.composite
def disguised(draw):
    phrase, category = draw(st.sampled_from(DISGUISABLE))
    out = []
    for index, ch in enumerate(phrase):
        if draw(st.booleans()) and ch in SIMPLIFIED_TO_TRADITIONAL:
            ch = SIMPLIFIED_TO_TRADITIONAL[ch]
        out.append(ch)
        if index < len(phrase) - 1 and draw(st.booleans()):
            out.append(draw(st.sampled_from(SEPARATORS)))
    return phrase, category, "".join(out)


@settings(max_examples=200, deadline=None)
@given(disguised(), st.sampled_from(["", "招聘店员，", "工作地点在上海。"]))
def test_inserting_separators_or_traditional_characters_keeps_the_flag_on_the_same_words(
    example, prefix
):
    _phrase, category, variant = example
    text = prefix + variant + "，月薪面议。"

    flags = flags_of(text, category)

    assert len(flags) == 1
    (flag,) = flags
    assert_points_into(text, flag)
    assert len(prefix) <= flag.start and flag.end <= len(prefix) + len(variant)
    assert fold(flag.excerpt) in fold(variant)


@pytest.mark.req("R19.2")
@pytest.mark.parametrize(("text", "flagged"), [
    ("公司已为平台缴纳服务保证金。", False),   # the employer pays the platform: lawful
    ("本公司向平台缴纳履约保证金", False),
    ("求职者缴纳服务保证金500元", True),       # a worker pays: refused
    ("向公司缴纳服务保证金", True),
])
def test_a_guarantee_named_with_its_purpose_is_judged_by_who_pays_it(text, flagged):
    deposits = [f for f in screen(text) if f.category == "deposit_fee" and f.is_blocking]
    assert bool(deposits) is flagged
