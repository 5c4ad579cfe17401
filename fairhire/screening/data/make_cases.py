"""Write ``cases.jsonl``, the screener's labelled set (issue 5 part 5).

Run: ``python fairhire/screening/data/make_cases.py`` (deterministic: same output every run).

The phrases below were written for this set from the categories and the lawful list of
shared/SCREENING.md, not taken from the engine's lexicon, so the set measures how well the engine
generalises. Each unlawful phrase is placed inside a neutral posting sentence and also emitted in
one or more surface variants (traditional characters, full-width forms, separators inside the
words, Chinese numerals, ranges, English). About half the cases are lawful, many of them carrying
words that look like triggers (男装, 押运员, 中山路211号, 不收取任何押金...).

Each line: ``{"id": ..., "text": ..., "expect": [categories that must be flagged]}``; an empty
``expect`` means the text is lawful and must produce no flag at all.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("cases.jsonl")
SEED = 5_2025

# Neutral frames around a phrase. None of them may carry a trigger of their own.
FRAMES = [
    "招聘仓库管理员2名，{x}，月薪5000-7000元，包吃住。",
    "【诚聘】连锁餐厅服务员，{x}。工作时间9:00-18:00，月休4天。",
    "岗位：电商客服。要求：{x}；熟练使用办公软件。",
    "本公司因业务发展需要，现招聘销售代表若干名。{x}。有意者请投递简历。",
    "物流分拣员（长期）：{x}，计件工资，多劳多得。",
    "{x}。工作地点：杭州市西湖区文三路，交通便利。",
    "行政助理一名，负责日常文件整理和会议安排，{x}，周末双休。",
    "招聘软件测试工程师：熟悉自动化测试工具，{x}，薪资面议。",
]

# (id stem, phrase, expected categories, variants to emit besides the plain form)
# Variant names: trad, full, sep, english is written as its own phrase.
UNLAWFUL: list[tuple[str, str, list[str], list[str]]] = [
    # gender
    ("g01", "限男性", ["gender"], ["trad", "sep"]),
    ("g02", "只要男的", ["gender"], ["trad"]),
    ("g03", "女士优先", ["gender"], ["trad", "sep"]),
    ("g04", "男性为佳", ["gender"], ["sep"]),
    ("g05", "本岗位只招男士", ["gender"], ["trad"]),
    ("g06", "女生勿扰", ["gender"], ["trad"]),
    ("g07", "要求女性", ["gender"], ["sep"]),
    ("g08", "仅限男性应聘", ["gender"], ["trad"]),
    ("g09", "不招女性", ["gender"], ["sep"]),
    ("g10", "male only", ["gender"], ["full"]),
    ("g11", "female preferred", ["gender"], ["full"]),
    ("g12", "招聘女营业员", ["gender"], []),
    ("g13", "男生优先考虑", ["gender"], ["trad"]),
    # marital / childbearing
    ("m01", "已婚已育者优先", ["marital_childbearing"], ["trad", "sep"]),
    ("m02", "限未婚", ["marital_childbearing"], ["trad"]),
    ("m03", "三年内无生育计划", ["marital_childbearing"], ["trad"]),
    ("m04", "入职前需做妊娠检查", ["marital_childbearing"], ["trad"]),
    ("m05", "两年内不得怀孕", ["marital_childbearing"], ["trad"]),
    ("m06", "需已婚", ["marital_childbearing"], ["sep"]),
    ("m07", "孕妇勿扰", ["marital_childbearing"], ["trad"]),
    ("m08", "要求单身", ["marital_childbearing"], []),
    ("m09", "入职需孕检", ["marital_childbearing"], ["sep"]),
    ("m10", "married applicants only", ["marital_childbearing"], []),
    ("m11", "已育优先", ["marital_childbearing"], ["trad"]),
    # ethnicity / race
    ("e01", "限汉族", ["ethnicity_race"], ["trad", "sep"]),
    ("e02", "不招少数民族", ["ethnicity_race"], ["trad"]),
    ("e03", "维族勿扰", ["ethnicity_race"], ["trad"]),
    ("e04", "仅限汉族人", ["ethnicity_race"], ["sep"]),
    ("e05", "藏族人员不予录用", ["ethnicity_race"], ["trad"]),
    ("e06", "只招汉族员工", ["ethnicity_race"], []),
    ("e07", "黑人勿扰", ["ethnicity_race"], ["trad"]),
    ("e08", "外教限白人", ["ethnicity_race"], []),
    ("e09", "Han ethnicity only", ["ethnicity_race"], []),
    # religion
    ("r01", "无宗教信仰", ["religion"], ["trad", "sep"]),
    ("r02", "不招信教者", ["religion"], ["trad"]),
    ("r03", "信仰宗教者勿扰", ["religion"], ["trad"]),
    ("r04", "要求无宗教信仰", ["religion"], ["sep"]),
    ("r05", "穆斯林勿扰", ["religion"], []),
    ("r06", "基督徒不予录用", ["religion"], ["trad"]),
    ("r07", "信教人员不考虑", ["religion"], ["trad"]),
    # age
    ("a01", "35岁以下", ["age"], ["full", "trad"]),
    ("a02", "限90后", ["age"], ["full", "sep"]),
    ("a03", "年龄22-30岁", ["age"], ["full", "trad"]),
    ("a04", "四十岁以下", ["age"], ["trad"]),
    ("a05", "年龄在25~35岁之间", ["age"], ["full"]),
    ("a06", "25至35周岁", ["age"], ["trad"]),
    ("a07", "三十五岁以下", ["age"], ["trad"]),
    ("a08", "卅五岁以下", ["age"], []),
    ("a09", "年龄不超过40岁", ["age"], ["trad"]),
    ("a10", "45周岁以内", ["age"], ["full"]),
    ("a11", "under 35", ["age"], ["full"]),
    ("a12", "00后优先", ["age"], ["full"]),
    ("a13", "年龄：18-28岁", ["age"], ["full"]),
    ("a14", "30岁以下优先", ["age"], ["trad"]),
    ("a15", "年龄二十至三十岁", ["age"], ["trad"]),
    ("a16", "年龄25～35岁", ["age"], []),
    # hukou / region
    ("h01", "限本地户口", ["hukou_region"], ["trad", "sep"]),
    ("h02", "本市户籍优先", ["hukou_region"], ["trad"]),
    ("h03", "非农户口", ["hukou_region"], ["trad"]),
    ("h04", "不招河南人", ["hukou_region"], ["sep"]),
    ("h05", "仅限本地人", ["hukou_region"], ["trad"]),
    ("h06", "需持有上海户口", ["hukou_region"], ["trad"]),
    ("h07", "外地户籍勿扰", ["hukou_region"], ["trad"]),
    ("h08", "要求北京户籍", ["hukou_region"], []),
    ("h09", "东北人勿扰", ["hukou_region"], ["trad"]),
    ("h10", "local hukou only", ["hukou_region"], []),
    # identity
    ("i01", "农民工勿扰", ["identity"], ["trad", "sep"]),
    ("i02", "限城镇职工身份", ["identity"], ["trad"]),
    ("i03", "限在编人员", ["identity"], ["trad", "sep"]),
    ("i04", "农民工不予录用", ["identity"], ["trad"]),
    ("i05", "外来务工人员勿扰", ["identity"], ["trad"]),
    ("i06", "仅限在编在岗人员", ["identity"], []),
    # health
    ("x01", "乙肝携带者勿扰", ["health"], ["trad", "sep"]),
    ("x02", "需查乙肝五项", ["health"], ["trad"]),
    ("x03", "不招HIV携带者", ["health"], ["full"]),
    ("x04", "乙肝病毒携带者不予录用", ["health"], ["trad"]),
    ("x05", "入职体检含乙肝两对半", ["health"], ["trad"]),
    ("x06", "大三阳小三阳勿扰", ["health"], ["trad"]),
    ("x07", "艾滋病携带者谢绝", ["health"], []),
    ("x08", "hepatitis B carriers need not apply", ["health"], []),
    # disability
    ("d01", "不招残疾人", ["disability"], ["trad", "sep"]),
    ("d02", "身体无残疾", ["disability"], ["trad"]),
    ("d03", "残疾人勿扰", ["disability"], ["trad"]),
    ("d04", "肢体残疾者不予考虑", ["disability"], ["trad"]),
    ("d05", "要求无残疾", ["disability"], ["sep"]),
    ("d06", "谢绝残障人士", ["disability"], ["trad"]),
    ("d07", "聋哑人勿扰", ["disability"], []),
    # appearance
    ("p01", "身高165cm以上", ["appearance"], ["full", "trad"]),
    ("p02", "五官端正", ["appearance"], ["trad", "sep"]),
    ("p03", "颜值高", ["appearance"], ["trad"]),
    ("p04", "体重50公斤以下", ["appearance"], ["trad", "full"]),
    ("p05", "身高不低于175厘米", ["appearance"], ["trad"]),
    ("p06", "体重不超过60kg", ["appearance"], ["full"]),
    ("p07", "长相甜美", ["appearance"], ["trad"]),
    ("p08", "相貌端正", ["appearance"], []),
    ("p09", "身高一米七以上", ["appearance"], []),
    # education prestige
    ("s01", "第一学历211", ["education_prestige"], ["trad", "full"]),
    ("s02", "只要985", ["education_prestige"], ["full"]),
    ("s03", "双一流毕业", ["education_prestige"], ["trad"]),
    ("s04", "985/211院校毕业", ["education_prestige"], ["full"]),
    ("s05", "第一学历须为全日制985", ["education_prestige"], ["trad"]),
    ("s06", "仅限双一流高校毕业生", ["education_prestige"], ["trad"]),
    ("s07", "名校毕业优先", ["education_prestige"], ["trad"]),
    ("s08", "本科须为211院校", ["education_prestige"], []),
    ("s09", "非985勿扰", ["education_prestige"], ["full"]),
    # deposit / fee
    ("f01", "入职需交押金500元", ["deposit_fee"], ["trad", "full"]),
    ("f02", "缴纳保证金1000元", ["deposit_fee"], ["trad"]),
    ("f03", "培训费800元自理", ["deposit_fee"], ["trad"]),
    ("f04", "服装费200元", ["deposit_fee"], ["full"]),
    ("f05", "报名费50元", ["deposit_fee"], ["trad"]),
    ("f06", "资料费100元", ["deposit_fee"], ["trad"]),
    ("f07", "中介费300元", ["deposit_fee"], ["sep"]),
    ("f08", "入职需押身份证", ["deposit_fee"], ["trad"]),
    ("f09", "扣押毕业证", ["deposit_fee"], ["trad"]),
    ("f10", "需交风险抵押金", ["deposit_fee"], []),
    ("f11", "工装费从首月工资扣除", ["deposit_fee"], ["trad"]),
    # fraud signals
    ("z01", "刷单", ["fraud_signal"], ["trad", "sep"]),
    ("z02", "打字员日赚300", ["fraud_signal"], ["full"]),
    ("z03", "无需经验日结高薪", ["fraud_signal"], ["trad"]),
    ("z04", "先交钱后上岗", ["fraud_signal"], ["trad"]),
    ("z05", "可办理培训贷", ["fraud_signal"], ["trad"]),
    ("z06", "需先垫付货款", ["fraud_signal"], ["trad"]),
    ("z07", "足不出户月入过万", ["fraud_signal"], ["trad"]),
    ("z08", "贷款入职", ["fraud_signal"], []),
    ("z09", "在家兼职轻松月入3万", ["fraud_signal"], []),
    # two categories at once
    ("c01", "限男性，35岁以下", ["gender", "age"], ["trad", "full"]),
    ("c02", "本地户口，未婚", ["hukou_region", "marital_childbearing"], ["trad"]),
    ("c03", "限汉族，无宗教信仰", ["ethnicity_race", "religion"], ["trad"]),
    ("c04", "身高160cm以上，第一学历211", ["appearance", "education_prestige"], ["full"]),
    ("c05", "入职需交押金，乙肝携带者勿扰", ["deposit_fee", "health"], ["trad"]),
    ("c06", "农民工勿扰，不招残疾人", ["identity", "disability"], []),
    ("c07", "僅招女生，三十五歲以下", ["gender", "age"], []),
    ("c08", "male only, under 35", ["gender", "age"], []),
]

# Lawful phrases; many look like triggers. (id stem, phrase, variants)
LAWFUL: list[tuple[str, str, list[str]]] = [
    ("n01", "男女不限", ["trad", "sep"]),
    ("n02", "性别不限", ["trad"]),
    ("n03", "不限户籍", ["trad"]),
    ("n04", "年龄不限", ["trad"]),
    ("n05", "民族不限", ["trad"]),
    ("n06", "欢迎应届生", ["trad"]),
    ("n07", "年满18周岁", ["full", "trad"]),
    ("n08", "16周岁以上", ["full"]),
    ("n09", "须年满十八周岁", ["trad"]),
    ("n10", "面向2026届毕业生", ["full", "trad"]),
    ("n11", "退役军人优先", ["trad"]),
    ("n12", "残疾人优先", ["trad"]),
    ("n13", "少数民族优先", ["trad"]),
    ("n14", "就业困难人员优先", ["trad"]),
    ("n15", "需持健康证上岗", ["trad"]),
    ("n16", "身体健康，能适应倒班", ["trad"]),
    ("n17", "普通话标准", ["trad"]),
    ("n18", "持C1驾照", ["full"]),
    ("n19", "持有特种作业操作证", ["trad"]),
    ("n20", "具备教师资格证", ["trad"]),
    ("n21", "本科及以上学历", ["trad"]),
    ("n22", "三年以上相关工作经验", ["trad"]),
    ("n23", "女装店导购", ["trad"]),
    ("n24", "仁爱男科医院招聘护士", ["trad"]),
    ("n25", "市妇幼保健院招聘收费员", ["trad"]),
    ("n26", "负责母婴护理服务", ["trad"]),
    ("n27", "本次共招聘30人", ["full"]),
    ("n28", "短期项目，工作35天", ["full"]),
    ("n29", "招聘押运员，持枪证者优先", ["trad"]),
    ("n30", "平台保证金由公司缴纳，求职者无需支付任何费用", ["trad"]),
    ("n31", "公司提供免费岗前培训", ["trad"]),
    ("n32", "上岗前公司免费体检", ["trad"]),
    ("n33", "男装品牌店招聘店员", ["trad"]),
    ("n34", "婚纱摄影助理，负责拍摄现场协助", ["trad"]),
    ("n35", "婚庆公司招聘策划师", []),
    ("n36", "月嫂（母婴护理师）若干", []),
    ("n37", "残疾人就业保障金由公司足额缴纳", ["trad"]),
    ("n38", "时薪25元，工资日结", ["full"]),
    ("n39", "薪资8000-12000元", ["full"]),
    ("n40", "团队规模20-30人", ["full"]),
    ("n41", "工作服由公司免费发放，不收取任何费用", ["trad"]),
    ("n42", "本公司不收取任何押金", ["trad"]),
    ("n43", "公司不收取任何中介费", ["trad"]),
    ("n44", "已婚员工可申请夫妻房", ["trad"]),
    ("n45", "女职工依法享受产假、哺乳假", ["trad"]),
    ("n46", "身高体重不限", ["trad"]),
    ("n47", "不限院校，本科及以上", ["trad"]),
    ("n48", "公司地址：中山路211号", ["full"]),
    ("n49", "面试地点：人民路985号3楼", ["full"]),
    ("n50", "试用期35天", ["full"]),
    ("n51", "汉服体验馆招聘店员", ["trad"]),
    ("n52", "清真餐厅招聘厨师", ["trad"]),
    ("n53", "本地生活服务平台运营专员", ["trad"]),
    ("n54", "医院招聘五官科医生", ["trad"]),
    ("n55", "职业资格考试培训费由公司报销", ["trad"]),
    ("n56", "公司承担全部体检费用", ["trad"]),
    ("n57", "谨防刷单诈骗，本公司从不要求垫付", ["trad"]),
    ("n58", "男女均可，性别不限", []),
    ("n59", "不限地域，欢迎全国各地求职者", ["trad"]),
    ("n60", "三八节为女职工发放节日福利", ["trad"]),
    ("n61", "负责女性健康类产品的线上推广", ["trad"]),
    ("n62", "孕婴用品店招聘收银员", ["trad"]),
    ("n63", "少数民族员工可享受民族节日假期", ["trad"]),
    ("n64", "一年以上餐饮经验，持健康证", ["trad"]),
    ("n65", "学历不限，经验不限", ["trad"]),
    ("n66", "欢迎残疾人士应聘，公司设有无障碍通道", ["trad"]),
    ("n67", "英语六级，能熟练阅读英文文献", ["trad"]),
    ("n68", "provide free training, no fees charged", []),
    ("n69", "welcome all applicants regardless of gender", []),
    ("n70", "工作地点：北京市海淀区", ["trad"]),
    ("n71", "提供免费住宿，押一付一的房租由公司承担", ["trad"]),
    ("n72", "入职缴纳五险一金", ["trad"]),
    ("n73", "年龄18周岁以上，身体健康", ["full"]),
    ("n74", "35个工作日内完成入职手续", ["full"]),
    ("n75", "小区保安，能上夜班", ["trad"]),
]

# Whole lawful postings written by hand, each with words that only look like triggers.
LAWFUL_HAND = [
    "东方女装有限公司招聘门店导购3名，男女不限，有服装销售经验者优先，底薪3500元加提成。",
    "市妇幼保健院招聘药房工作人员，本科及以上学历，持药师资格证，面向2026届毕业生。",
    "押运员招聘：持有押运员资格证，能适应夜班，公司缴纳五险一金。年满18周岁即可报名。",
    "本岗位不收取任何押金、保证金或培训费，工作服免费发放，如有人以公司名义收费请举报。",
    "招聘30人，工作35天，日薪220元，包吃住，性别不限，年龄不限。",
    "退役军人、残疾人、就业困难人员优先录用，公司已为平台缴纳服务保证金。",
    "康健男科医院招聘前台接待，负责患者登记和引导，普通话标准，有医院工作经验者优先。",
    "母婴护理中心招聘护理员：持育婴师证或护士资格证，上岗前公司免费体检和培训。",
    "食品加工厂招聘包装工：须持健康证（食品安全法要求），能适应倒班，计件工资。",
    "软件公司招聘Java开发工程师，三年以上经验，本科及以上学历，不限院校，薪资15-25K。",
    "面向2025届、2026届毕业生的校园招聘，专业不限，欢迎应届生投递。",
    "快递分拣员，16周岁以上可报名（未满18周岁需监护人同意并安排适合岗位），按件计酬。",
    "公司地址：科技园211号大楼；乘985路公交到站即可。招聘前台一名，男女不限。",
    "民族不限，户籍不限，学历大专以上，会开车持C1驾照者优先。",
    "幼儿园招聘教师：持教师资格证，普通话二级甲等以上，热爱幼教事业。",
    "矿区地面仓库管理员，男女不限，负责物资登记，不涉及井下作业。",
    "婚纱店招聘化妆师，有新娘跟妆经验优先，提供免费进修培训。",
    "本公司为女性用户提供健康咨询服务，招聘在线客服，性别不限。",
    "谨防招聘诈骗：凡要求刷单、垫付、缴纳培训贷的均为诈骗，本公司招聘全程免费。",
    "月薪6000-9000元，年龄不限，经验不限，工作地点距地铁站500米。",
]

# Small traditional-character table for the phrases above (written for this set).
S2T = dict(zip(
    "仅优户岁须无携带残汉检证费训单贷职龄学历区员农体结资钱岗扰双业应届驾计划内对录为与"
    "从专风险装额给务扣换达过见选还这进铁质试达产护华馆厅运枪务设长样齐门导发",
    "僅優戶歲須無攜帶殘漢檢證費訓單貸職齡學歷區員農體結資錢崗擾雙業應屆駕計劃內對錄為與"
    "從專風險裝額給務扣換達過見選還這進鐵質試達產護華館廳運槍務設長樣齊門導發",
    strict=True,
))
S2T.update({"头": "頭", "后": "後", "个": "個", "经": "經", "验": "驗", "证": "證", "营": "營",
            "爱": "愛", "医": "醫", "现": "現", "态": "態", "约": "約", "纳": "納", "缴": "繳",
            "报": "報", "销": "銷", "费": "費", "诈": "詐", "骗": "騙", "节": "節", "发": "發",
            "职": "職", "员": "員", "饮": "飲", "厨": "廚", "师": "師", "宁": "寧", "术": "術",
            "础": "礎", "国": "國", "语": "語", "级": "級", "读": "讀", "献": "獻", "预": "預",
            "动": "動", "劳": "勞", "义": "義", "环": "環", "听": "聽", "聋": "聾", "哑": "啞",
            "阳": "陽", "带": "帶", "谢": "謝", "绝": "絕", "疗": "療", "毕": "畢", "贸": "貿",
            "说": "說", "东": "東", "维": "維", "藏": "藏", "许": "許", "颜": "顏", "值": "值",
            "貌": "貌", "甜": "甜", "公": "公", "斤": "斤", "万": "萬", "轻": "輕",
            "松": "鬆", "赚": "賺", "垫": "墊", "货": "貨", "款": "款", "资": "資", "料": "料",
            "押": "押", "压": "壓", "两": "兩", "对": "對", "半": "半", "查": "查", "项": "項",
            "携": "攜", "病": "病", "毒": "毒", "肢": "肢", "虑": "慮", "宗": "宗", "教": "教",
            "仰": "仰", "徒": "徒", "乡": "鄉", "镇": "鎮", "编": "編", "务": "務", "来": "來",
            "城": "城", "身": "身", "份": "份", "孕": "孕", "妊": "妊", "娠": "娠", "计": "計",
            "内": "內", "婚": "婚", "妇": "婦", "扰": "擾", "请": "請", "课": "課", "时": "時",
            "间": "間", "摄": "攝", "场": "場", "协": "協", "庆": "慶", "划": "劃", "嫂": "嫂",
            "馆": "館", "遗": "遺", "关": "關", "网": "網", "线": "線", "专": "專", "层": "層"})

FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
FULL[" "] = "\u3000"
SEPARATORS = [" ", "-", "*", "·", "_", "/"]


def trad(text: str) -> str:
    return "".join(S2T.get(ch, ch) for ch in text)


def full(text: str) -> str:
    return "".join(FULL.get(ch, ch) for ch in text)


def sep(text: str, rnd: random.Random) -> str:
    """Put one separator inside the phrase (between two CJK characters near its start)."""
    cjk = [i for i in range(1, len(text)) if "\u4e00" <= text[i - 1] <= "\u9fff"
           and "\u4e00" <= text[i] <= "\u9fff"]
    if not cjk:
        return text
    cut = cjk[0] if rnd.random() < 0.6 else rnd.choice(cjk)
    return text[:cut] + rnd.choice(SEPARATORS) + text[cut:]


def variant(name: str, phrase: str, rnd: random.Random) -> str:
    return {"trad": trad, "full": full}[name](phrase) if name != "sep" else sep(phrase, rnd)


def cases() -> list[dict]:
    rnd = random.Random(SEED)  # noqa: S311 - a reproducible test set, not a secret
    out: list[dict] = []

    def add(case_id: str, text: str, expect: list[str]) -> None:
        out.append({"id": case_id, "text": text, "expect": sorted(set(expect))})

    for stem, phrase, expect, variants in UNLAWFUL:
        frames = rnd.sample(FRAMES, 2)
        add(f"bad-{stem}-plain", frames[0].format(x=phrase), expect)
        add(f"bad-{stem}-alone", phrase, expect)
        for name in variants:
            frame = rnd.choice(FRAMES)
            text = frame.format(x=variant(name, phrase, rnd))
            if name == "trad":
                text = trad(text)
            add(f"bad-{stem}-{name}", text, expect)

    for stem, phrase, variants in LAWFUL:
        frames = rnd.sample(FRAMES, 2)
        add(f"ok-{stem}-plain", frames[0].format(x=phrase), [])
        add(f"ok-{stem}-alone", phrase, [])
        add(f"ok-{stem}-frame2", frames[1].format(x=phrase), [])
        for name in variants:
            text = rnd.choice(FRAMES).format(x=variant(name, phrase, rnd))
            if name == "trad":
                text = trad(text)
            add(f"ok-{stem}-{name}", text, [])
    for index, text in enumerate(LAWFUL_HAND, 1):
        add(f"ok-hand{index:02d}", text, [])
        add(f"ok-hand{index:02d}-trad", trad(text), [])
    # Neutral frames on their own are lawful too.
    for index, frame in enumerate(FRAMES, 1):
        add(f"ok-frame{index}", frame.format(x="能吃苦耐劳，服从安排"), [])

    ids = [case["id"] for case in out]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate case id")
    return out


def main() -> None:
    rows = cases()
    with OUT.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    lawful = sum(1 for row in rows if not row["expect"])
    print(f"wrote {len(rows)} cases to {OUT.name}: {lawful} lawful, {len(rows) - lawful} unlawful")


if __name__ == "__main__":
    main()
