# ruff: noqa: E501  (template text: Chinese lines are counted at double width)
"""Demo postings for ``manage.py demo_data`` (issue 4): a dozen verified employers across
China, a few hundred published postings and gigs written like real Chinese postings, plus some
in review, a revision in review, agency postings under an entrustment, and some expired.

Everything goes through the real services (create → submit → screen → publish), so every
posting here has passed required-content checks and the screener. The text is assembled from
templates with a seeded random generator, so a demo database is the same every time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

PUBLISHED_TARGET = 330
IN_REVIEW = 14
EXPIRED = 16


@dataclass(frozen=True)
class Job:
    occupation: str
    titles: tuple[str, ...]
    industry: str
    duties: tuple[str, ...]
    requirements: tuple[str, ...]
    pay: tuple[int, int]  # a mid-size city's usual range, in ``unit``
    unit: str = "month"
    education: str = ""
    experience: int | None = None
    employment: str = "full_time"
    kind: str = "job"
    conditions: tuple[str, ...] = ()
    schedule: str = "每月 15 日前银行代发上月工资"
    gig_periods: tuple[str, ...] = ()


@dataclass(frozen=True)
class Employer:
    name: str
    places: tuple[tuple[str, str, tuple[str, ...]], ...]  # (county code, "city+district", streets)
    industry: str
    jobs: tuple[str, ...]
    phone: str
    tier: float = 1.0
    owner: str = ""

    @property
    def region(self) -> str:  # the registered county: the first place
        return self.places[0][0]


INSURANCE = ("依法缴纳五险一金", "依法缴纳五险一金，公积金按 12% 缴存", "入职即缴纳社会保险和住房公积金",
             "依法缴纳社会保险，另有补充医疗保险")
BENEFITS = ("提供工作餐", "提供员工宿舍（四人间，有空调和独立卫生间）", "每月交通补贴 300 元",
            "带薪年假、节日福利", "每年一次健康体检", "生日福利和年度旅游", "满一年有年终奖",
            "提供岗前培训，培训期间工资照发", "高温补贴按规定发放", "夜班另有夜班补贴")
HOURS = ("每周工作五天，每天八小时（9:00-18:00，午休一小时）", "做六休一，每天八小时，月休四天",
         "两班倒（早班 7:00-15:00，中班 15:00-23:00），每周轮换", "综合工时制，每月排班公示，加班按规定支付加班费",
         "每周工作五天，弹性上下班，核心时间 10:00-16:00", "早九晚六，双休，法定节假日正常休息")

JOBS: dict[str, Job] = {
    "sales_clerk": Job(
        "4-01-02-03", ("门店营业员", "超市营业员", "商场专柜营业员", "生鲜区营业员", "便利店店员"), "F",
        ("负责门店商品陈列和补货，保持货架整洁、价签准确", "接待顾客，介绍商品，解答顾客咨询",
         "协助完成每日盘点、临期商品检查和库存整理", "按公司流程处理退换货并做好登记",
         "维护门店卫生和消防通道畅通", "配合店长完成促销活动的布置和执行"),
        ("有零售门店工作经验者优先", "普通话表达清楚，能耐心与顾客沟通", "会使用手机和收银系统",
         "能接受排班和节假日轮休"), (3800, 5200), education="71"),
    "cashier": Job(
        "4-01-02-04", ("收银员", "超市收银员", "餐厅收银员", "门店收银员（兼顾前台）"), "F",
        ("负责前台收银、开具发票和会员积分登记", "每班结束后核对现金和电子支付流水，填写交班表",
         "处理顾客的退款和换货手续", "保持收银台整洁，协助打包和整理购物袋"),
        ("会使用收银系统和扫码设备，有收银经验者优先", "做事细致，账目清楚", "能接受早晚班轮换"),
        (3600, 4800), education="71"),
    "stock_clerk": Job(
        "4-02-06-02", ("理货员", "超市理货员", "仓库理货员"), "F",
        ("根据订单和补货单完成拣货、理货和上架", "检查商品保质期，及时下架临期商品",
         "配合收货员核对到货数量和质量", "整理仓库和卖场货位，做好标识"),
        ("能适应站立和搬运工作", "认识常用汉字和数字，会用手持终端者优先"), (3800, 5000)),
    "warehouse": Job(
        "4-02-06-01", ("仓储管理员", "仓库管理员", "电商仓库管理员", "冷链仓库管理员"), "G",
        ("负责入库验收、出库复核和库位管理", "使用仓储管理系统录入收发数据，保证账实相符",
         "组织每月盘点，分析差异原因并提出改进", "安排装卸人员和车辆，保证按时发货",
         "检查仓库消防和安全设施"),
        ("会用 Excel 和仓储管理系统", "有两年以上仓库管理经验", "持叉车操作证者优先"),
        (5000, 7500), education="41", experience=2),
    "loader": Job(
        "4-02-05-01", ("装卸搬运工", "物流园装卸工", "快递分拣装卸员"), "G",
        ("负责货物的装车、卸车和搬运", "按标识分拣货物，轻拿轻放，减少破损",
         "配合司机核对件数并签字交接", "整理装卸区，保持通道畅通"),
        ("能适应体力劳动和夜班", "有团队合作意识"), (5000, 7000),
        conditions=("按件计发装卸费，多劳多得，保底工资 4500 元",)),
    "truck_driver": Job(
        "4-02-02-02", ("货车司机", "城配货车司机（4.2 米）", "干线货车驾驶员"), "G",
        ("驾驶公司厢式货车完成城区或省内配送", "出车前检查车辆，做好行车记录",
         "与收货方核对货物并办理签收", "遵守交通法规，安全驾驶"),
        ("持 C1 及以上驾驶证，三年以上驾龄", "熟悉本市道路，无重大交通事故记录"),
        (7000, 10000), experience=3, schedule="每月 10 日发放上月工资和出车补贴"),
    "courier": Job(
        "4-02-07-08", ("快递员", "快递收派员", "片区快递员"), "G",
        ("负责所在片区快件的收取和派送", "使用巴枪扫描录入，保证信息准确",
         "向客户说明寄递规定，检查寄递物品", "当日快件当日派送，及时处理问题件"),
        ("会骑电动车，熟悉所在片区", "能使用智能手机和派件软件"), (6000, 9000),
        conditions=("公司提供电动车和充电设施，按件计提，底薪 3000 元",)),
    "cook": Job(
        "4-03-02-01", ("中式烹调师", "热菜厨师", "炒锅厨师", "川菜厨师", "粤菜厨师"), "H",
        ("负责热菜的烹制，保证出品质量和速度", "按照标准菜谱控制用料和口味",
         "做好原料的验收、储存和成本控制", "保持厨房卫生，遵守食品安全规定",
         "参与新菜品的研发和试菜"),
        ("持中式烹调师职业技能等级证书者优先", "三年以上酒楼或餐厅热菜经验", "持有效健康证明上岗（食品安全法规定）"),
        (6000, 9000), experience=3, conditions=("包吃住，每月休四天",)),
    "pastry": Job(
        "4-03-02-02", ("中式面点师", "早点面点师", "面食师傅"), "H",
        ("负责包子、饺子、面条等面点的制作", "按标准控制面点的重量和口味",
         "做好面点原料的准备和保管", "保持操作间卫生，执行食品安全制度"),
        ("有面点制作经验，会做北方面食者优先", "持有效健康证明上岗（食品安全法规定）"),
        (5000, 7000), experience=1),
    "waiter": Job(
        "4-03-02-05", ("餐厅服务员", "火锅店服务员", "酒店餐饮服务员", "茶餐厅服务员"), "H",
        ("负责迎宾、点菜、上菜和餐后收台", "熟悉菜品，向顾客介绍特色菜", "处理顾客的合理需求和意见",
         "保持餐厅环境整洁，做好餐具消毒"),
        ("热情有礼，普通话流利", "能接受中晚班"), (3800, 5000),
        conditions=("包吃住，月休四天",)),
    "barista": Job(
        "4-03-02-08", ("咖啡师", "门店咖啡师", "精品咖啡师"), "H",
        ("制作意式和手冲咖啡，保证出品稳定", "维护咖啡机和磨豆机，做好日常清洁",
         "接待顾客，介绍饮品，处理线上订单", "管理原料库存和保质期"),
        ("有咖啡师经验或相关培训经历", "会拉花者优先"), (4500, 6500)),
    "baker": Job(
        "6-02-01-01", ("面包烘焙师", "西点烘焙师", "中央工厂烘焙师"), "C",
        ("负责面包和糕点的和面、发酵、整形和烘烤", "按配方和工艺标准生产，记录生产数据",
         "维护烤箱、醒发箱等设备", "执行食品安全和卫生管理制度"),
        ("有烘焙工作经验", "持有效健康证明上岗（食品安全法规定）"), (5000, 7500), experience=1),
    "software": Job(
        "2-02-10-03", ("Java 开发工程师", "后端开发工程师", "Python 开发工程师", "软件工程师（政务方向）"), "I",
        ("参与业务系统的需求分析、设计和编码", "编写单元测试，参与代码评审", "排查线上问题，优化系统性能",
         "编写技术文档，配合测试和运维完成上线"),
        ("计算机相关专业大专及以上学历", "熟悉 Java 或 Python，了解 MySQL、Redis",
         "有两年以上后端开发经验", "能阅读英文技术文档"),
        (9000, 16000), education="31", experience=2,
        conditions=("双休，弹性工作，提供笔记本电脑",)),
    "frontend": Job(
        "4-04-05-01", ("前端开发工程师", "Web 前端开发", "小程序开发工程师"), "I",
        ("负责网站和小程序页面的开发", "与设计和后端协作完成功能联调", "优化页面性能和兼容性",
         "维护前端组件库"),
        ("熟悉 HTML、CSS、JavaScript，会用 Vue 或 React", "有一年以上前端开发经验"),
        (8000, 14000), education="31", experience=1),
    "tester": Job(
        "4-04-05-02", ("软件测试工程师", "测试工程师（功能测试）", "自动化测试工程师"), "I",
        ("根据需求编写测试用例并执行", "记录和跟踪缺陷，推动问题解决", "编写自动化测试脚本",
         "参与上线前的回归测试"),
        ("计算机相关专业大专及以上学历", "熟悉测试流程，会写 SQL", "有自动化测试经验者优先"),
        (7000, 12000), education="31"),
    "data": Job(
        "2-02-30-09", ("数据分析师", "数据分析专员", "运营数据分析师"), "I",
        ("收集和整理业务数据，搭建分析报表", "分析用户和经营数据，撰写分析报告",
         "配合业务部门提出改进建议并跟踪效果"),
        ("统计学、数学或计算机相关专业本科及以上学历", "熟练使用 SQL 和 Excel，会 Python 者优先"),
        (9000, 15000), education="21", experience=1),
    "customer_service": Job(
        "4-07-02-03", ("客服专员", "在线客服", "电话客服（售后）", "客户服务代表"), "L",
        ("通过电话和在线渠道解答客户咨询", "受理投诉和售后问题，跟进处理结果",
         "记录客户反馈，整理常见问题", "完成回访和满意度调查"),
        ("普通话标准，打字每分钟 50 字以上", "有耐心，沟通表达清楚"), (4000, 6000),
        conditions=("早晚班轮换，晚班有餐补",)),
    "ecommerce": Job(
        "4-01-06-01", ("电商运营专员", "天猫店铺运营", "电商运营助理"), "F",
        ("负责店铺商品上架、详情页优化和日常维护", "策划和执行店铺促销活动", "分析店铺流量和转化数据",
         "对接仓库和客服，保证发货和售后顺畅"),
        ("有电商平台运营经验", "会用 Excel 和常用设计软件"), (5500, 9000), education="31"),
    "live_seller": Job(
        "4-01-06-02", ("直播销售员", "直播带货主播", "直播运营助理"), "F",
        ("按排期完成直播，介绍产品卖点", "参与直播脚本和选品讨论", "复盘直播数据，优化话术",
         "维护直播间粉丝，回复评论"),
        ("普通话流利，镜头表达自然", "有直播经验者优先，无经验可培训"), (5000, 10000),
        conditions=("底薪加提成，提供直播设备和场地",)),
    "designer": Job(
        "2-09-06-01", ("平面设计师", "视觉设计师", "电商美工"), "L",
        ("负责海报、详情页和宣传物料的设计", "参与品牌视觉规范的制定和执行", "配合运营完成活动页面设计"),
        ("熟练使用 Photoshop、Illustrator", "提供作品集"), (6000, 10000), education="31"),
    "accountant": Job(
        "2-06-03-00", ("会计", "主办会计", "成本会计", "出纳兼会计"), "L",
        ("负责日常账务处理和凭证审核", "编制月度、季度和年度财务报表", "办理纳税申报和发票管理",
         "配合审计，整理会计档案"),
        ("会计相关专业大专及以上学历，持初级会计专业技术资格证书", "熟练使用财务软件", "三年以上会计工作经验"),
        (5500, 8500), education="31", experience=3),
    "hr": Job(
        "2-06-08-01", ("人事专员", "招聘专员", "薪酬绩效专员"), "L",
        ("负责招聘渠道维护、简历筛选和面试安排", "办理入职、转正、离职手续", "维护员工档案和考勤数据",
         "协助核算工资和办理社会保险"),
        ("人力资源管理相关专业优先", "熟悉劳动合同法等法规"), (5000, 8000), education="31"),
    "clerk": Job(
        "3-01-01-01", ("行政专员", "前台文员", "行政助理"), "L",
        ("负责前台接待和来访登记", "管理办公用品和固定资产", "安排会议，做好会议记录",
         "处理公司文件的收发和归档"),
        ("会用 Office 办公软件", "做事细致，有责任心"), (4000, 5500), education="31"),
    "security": Job(
        "4-07-05-01", ("保安员", "小区保安", "写字楼保安", "商场安保员"), "O",
        ("负责门岗值守和出入登记", "按路线巡逻，发现隐患及时报告", "维护停车秩序",
         "处理突发情况，协助做好消防工作"),
        ("持保安员证者优先", "能适应倒班"), (3800, 5000),
        conditions=("三班倒，月休四天，提供宿舍",)),
    "cleaner": Job(
        "4-09-08-01", ("保洁员", "写字楼保洁", "商场保洁员", "医院保洁员"), "N",
        ("负责责任区域的日常清扫和保洁", "清理垃圾并按规定分类投放", "补充卫生间用品",
         "配合完成大扫除和专项清洁"),
        ("做事认真，能按标准完成清洁工作",), (3000, 4000)),
    "property": Job(
        "4-06-01-01", ("物业管家", "物业客服主管", "物业项目助理"), "K",
        ("对接业主，受理报修和投诉", "巡查小区公共设施，跟进维修进度", "催缴物业费，做好费用台账",
         "组织社区活动，维护业主关系"),
        ("有物业服务经验", "会用办公软件，沟通能力好"), (4500, 6500), education="31"),
    "hvac": Job(
        "4-06-01-02", ("空调运行操作员", "中央空调运行工", "暖通运行维护员"), "K",
        ("负责中央空调系统的运行和日常巡检", "记录运行参数，发现异常及时处理", "配合完成设备保养和维修"),
        ("持特种设备或电工作业证者优先", "有暖通运行经验"), (5000, 7000),
        conditions=("四班三运转",)),
    "auto_repair": Job(
        "4-12-01-01", ("汽车维修工", "汽车机修工", "新能源汽车维修技师"), "O",
        ("负责车辆的检查、保养和维修", "使用诊断设备排查故障", "填写维修记录，向客户说明维修内容"),
        ("有汽车维修经验，持汽车维修工职业技能等级证书者优先", "能看懂电路图"), (6000, 10000),
        experience=2),
    "vehicle_inspector": Job(
        "4-08-05-05", ("机动车检测员", "机动车检测工", "车辆安检员"), "M",
        ("按标准完成机动车安全技术检验", "操作检测设备并记录检测数据", "维护检测设备，保证准确"),
        ("持 C1 驾驶证", "有检测站工作经验者优先"), (4500, 6500)),
    "sales": Job(
        "4-01-02-01", ("销售顾问", "汽车销售顾问", "建材销售代表", "渠道销售专员"), "F",
        ("开发和维护客户，完成销售目标", "向客户介绍产品，制定报价方案", "跟进合同签订和回款",
         "收集市场信息，反馈竞品动态"),
        ("有销售经验，沟通能力好", "持 C1 驾驶证者优先"), (5000, 12000),
        conditions=("底薪加提成，提成按月结算",)),
    "housekeeper": Job(
        "4-10-01-06", ("家政服务员", "住家保姆", "钟点工（家庭保洁）"), "O",
        ("负责家庭日常保洁和衣物整理", "按雇主要求准备一日三餐", "照顾家中老人的日常起居"),
        ("持家政服务员职业技能等级证书者优先", "会做家常菜"), (5000, 7500),
        conditions=("公司签订劳动合同，每月休四天",)),
    "nursery": Job(
        "4-10-01-03", ("保育师", "育婴员", "托育中心保育员"), "P",
        ("负责婴幼儿的生活照料和卫生保健", "配合教师开展游戏和早期教育活动", "做好晨检、喂养和睡眠记录",
         "与家长沟通孩子的在园情况"),
        ("持保育师或育婴员职业技能等级证书", "有托育或幼儿园工作经验者优先"), (4000, 6000),
        education="41"),
    "eldercare": Job(
        "4-10-01-05", ("养老护理员", "养老院护理员", "居家养老护理员"), "Q",
        ("负责老人的生活照料、饮食和清洁护理", "协助老人服药和康复训练", "观察老人身体情况并做好记录",
         "陪伴老人聊天，组织文娱活动"),
        ("持养老护理员职业技能等级证书者优先", "有耐心和爱心"), (4500, 6500),
        conditions=("三班倒，提供宿舍和工作餐",)),
    "beautician": Job(
        "4-10-03-02", ("美发师", "发型师", "美发助理"), "O",
        ("为顾客提供剪发、烫染等美发服务", "根据顾客脸型和需求设计发型", "维护客户关系，做好回访"),
        ("有美发工作经验", "持美发师职业技能等级证书者优先"), (5000, 10000),
        conditions=("底薪加提成，月休四天",)),
    "kindergarten": Job(
        "2-08-03-00", ("幼儿园教师", "幼儿园主班教师", "学前教育教师"), "P",
        ("组织幼儿一日生活和教学活动", "观察记录幼儿发展，撰写成长档案", "开展家园共育，组织家长会",
         "布置班级环境和区角"),
        ("学前教育专业大专及以上学历", "持幼儿园教师资格证", "会弹琴、绘画者优先"),
        (4500, 6500), education="31", conditions=("寒暑假带薪休假",)),
    "electronics_qc": Job(
        "4-08-05-07", ("质检员", "电子产品检验员", "来料检验员（IQC）"), "C",
        ("按检验标准对来料、半成品和成品进行检验", "填写检验记录，发现不良品及时反馈",
         "参与质量问题分析和改进", "维护检验仪器和量具"),
        ("会使用卡尺、万用表等量具", "有电子厂质检经验者优先"), (4500, 6500), education="61"),
    "cnc": Job(
        "6-18-01-07", ("数控车床操作工", "CNC 操作员", "加工中心操作工"), "C",
        ("按图纸和工艺要求操作数控设备加工零件", "首件自检，过程抽检，保证加工精度",
         "做好设备日常保养和现场 6S 管理"),
        ("能看懂机械图纸", "有数控操作经验，会简单编程者优先"), (6000, 9000), experience=1,
        conditions=("两班倒，加班按规定支付加班费",)),
    "welder": Job(
        "6-18-02-04", ("焊工", "电焊工", "氩弧焊工", "二保焊工"), "C",
        ("按图纸和焊接工艺完成结构件焊接", "检查焊缝质量，做好自检记录", "维护焊接设备，遵守安全操作规程"),
        ("持特种作业操作证（焊接与热切割作业）", "有两年以上焊接经验"), (7000, 11000), experience=2),
    "assembler": Job(
        "6-20-01-01", ("装配钳工", "机械装配工", "设备装配调试工"), "C",
        ("按装配图和工艺完成零部件的装配", "调试设备，排除装配中的问题", "填写装配记录"),
        ("能看懂装配图", "有机械装配经验"), (5500, 8000)),
    "sewing": Job(
        "6-05-01-03", ("缝纫工", "服装车工", "平车工"), "C",
        ("按工艺要求完成服装的缝制", "检查缝制质量，及时返修", "保持机台整洁"),
        ("会操作平车或包缝机", "有服装厂工作经验者优先"), (4500, 7000),
        conditions=("计件工资，多劳多得",)),
    "food_inspector": Job(
        "4-08-05-01", ("食品检验员", "农产品检测员", "食品化验员"), "M",
        ("按标准完成原料和成品的理化和微生物检验", "记录检验数据，出具检验报告", "维护实验室仪器"),
        ("食品或化学相关专业大专及以上学历", "有食品检验经验者优先"), (4500, 6500), education="31"),
    # Gigs (GN (8)): place and duration, pay and settlement, hiring time and contact.
    "gig_promoter": Job(
        "4-01-02-01", ("周末促销员", "商场促销员（临时）", "节日促销员"), "F",
        ("在商场或超市向顾客介绍新品", "布置促销台，发放宣传资料", "统计当天销售数量"),
        ("普通话清楚，能站立工作",), (150, 220), unit="day", employment="gig", kind="gig",
        schedule="当天工作结束后微信或银行转账结算",
        gig_periods=("本周六、周日两天，每天 10:00-18:00", "国庆期间共五天，每天 9:30-17:30",
                     "元旦三天，每天 10:00-20:00（中间休息一小时）")),
    "gig_loader": Job(
        "4-02-05-01", ("临时装卸工", "物流园日结装卸工", "搬家装卸（临时）"), "G",
        ("负责货物装卸和搬运", "按要求码放整齐，轻拿轻放"), ("能从事体力劳动",), (180, 260), unit="day",
        employment="gig", kind="gig", schedule="日结，当天下班前现金或转账结算",
        gig_periods=("连续十天，每天 8:00-17:00", "本月内每天晚上 19:00-次日 1:00，做一天结一天",
                     "双十一期间共十五天，每天工作八小时")),
    "gig_cleaner": Job(
        "4-09-08-01", ("钟点保洁", "开荒保洁（临时）", "展会保洁"), "N",
        ("完成指定房屋或场馆的清洁", "自带或领取清洁工具，按标准验收"), ("做事细致",), (25, 35),
        unit="hour", employment="gig", kind="gig", schedule="完工验收后当天结算",
        gig_periods=("本周内任选三天，每天四小时", "展会期间三天，每天 8:00-12:00",
                     "新房开荒一次，预计六小时")),
    "gig_delivery": Job(
        "4-10-08-01", ("外卖骑手（众包）", "同城配送员（兼职）", "生鲜配送员"), "G",
        ("接单后到商家取餐并送达顾客", "遵守交通规则，按时送达", "保持餐品完好"),
        ("会骑电动车，会使用智能手机",), (6, 9), unit="piece", employment="gig", kind="gig",
        schedule="按单计酬，每周一结算上周收入",
        gig_periods=("时间自由，每天可选午高峰 11:00-13:30 和晚高峰 17:00-20:00",
                     "本月内每天 10:00-14:00")),
    "gig_waiter": Job(
        "4-03-02-05", ("宴会服务员（临时）", "婚宴服务员", "会议服务员（小时工）"), "H",
        ("负责宴会摆台、上菜和收台", "听从领班安排完成服务"), ("穿着整洁，服从安排",), (20, 30),
        unit="hour", employment="gig", kind="gig", schedule="活动结束当天结算",
        gig_periods=("本周六中午一场婚宴，10:00-15:00", "周末两天会议服务，每天 8:00-17:00")),
    "part_time_tutor": Job(
        "2-08-02-04", ("小学课后托管老师（兼职）", "作业辅导老师（兼职）"), "P",
        ("辅导小学生完成课后作业", "组织阅读和游戏活动", "与家长沟通孩子的学习情况"),
        ("师范类专业在读或毕业，持教师资格证者优先",), (40, 60), unit="hour",
        employment="part_time", education="31", schedule="每月 5 日结算上月课时费",
        conditions=("每周一至周五 16:30-19:00，每天不超过四小时",)),
}

# Regions: county codes of GB/T 2260 with the street names their addresses use.
EMPLOYERS: tuple[Employer, ...] = (
    Employer("北京京客隆便民超市有限公司", (
        ("110105", "北京市朝阳区", ("朝阳北路", "望京街", "东三环中路")),
        ("110108", "北京市海淀区", ("中关村大街", "学院路")),
        ("110106", "北京市丰台区", ("丰台北路", "南三环西路"))), "F",
        ("sales_clerk", "cashier", "stock_clerk", "customer_service", "gig_promoter"),
        "010-6558", tier=1.45, owner="hr.jingkelong"),
    Employer("上海浦江供应链管理有限公司", (
        ("310115", "上海市浦东新区", ("张江路", "川沙路", "航头镇沪南公路")),
        ("310104", "上海市徐汇区", ("漕溪北路", "龙华中路")),
        ("310112", "上海市闵行区", ("申富路", "莘松路"))), "G",
        ("warehouse", "loader", "truck_driver", "courier", "gig_loader", "gig_delivery"),
        "021-5089", tier=1.45, owner="hr.pujiang"),
    Employer("广州天河粤味轩餐饮有限公司", (
        ("440106", "广州市天河区", ("天河路", "体育西路", "天河北路")),
        ("440104", "广州市越秀区", ("环市东路", "北京路")),
        ("440105", "广州市海珠区", ("江南大道中", "新港中路"))), "H",
        ("cook", "pastry", "waiter", "barista", "gig_waiter"),
        "020-3886", tier=1.3, owner="hr.yuewei"),
    Employer("深圳南山智联电子有限公司", (
        ("440305", "深圳市南山区", ("高新南七道", "留仙大道", "科技南路")),
        ("440306", "深圳市宝安区", ("石岩街道宝石路", "航城大道")),
        ("440307", "深圳市龙岗区", ("坂田街道雪岗路", "龙岗大道"))), "C",
        ("electronics_qc", "cnc", "assembler", "software", "tester"),
        "0755-2660", tier=1.45, owner="hr.zhilian"),
    Employer("杭州西子云购电子商务有限公司", (
        ("330106", "杭州市西湖区", ("文三路", "西溪路", "古墩路")),
        ("330108", "杭州市滨江区", ("江南大道", "网商路")),
        ("330110", "杭州市余杭区", ("文一西路", "五常大道"))), "F",
        ("ecommerce", "live_seller", "designer", "customer_service", "data"),
        "0571-8776", tier=1.3, owner="hr.xiziyungou"),
    Employer("成都锦官家政服务有限公司", (
        ("510107", "成都市武侯区", ("武侯祠大街", "人民南路四段", "科华北路")),
        ("510104", "成都市锦江区", ("红星路三段", "东大街")),
        ("510105", "成都市青羊区", ("青羊大道", "光华北三路"))), "O",
        ("housekeeper", "eldercare", "cleaner", "nursery", "gig_cleaner"),
        "028-8555", tier=1.05, owner="hr.jinguan"),
    Employer("武汉江城物业服务有限公司", (
        ("420106", "武汉市武昌区", ("中北路", "武珞路", "和平大道")),
        ("420102", "武汉市江岸区", ("解放大道", "沿江大道")),
        ("420111", "武汉市洪山区", ("光谷大道", "珞喻路"))), "K",
        ("security", "cleaner", "property", "hvac", "clerk"),
        "027-8732", tier=1.05, owner="hr.jiangcheng"),
    Employer("西安长安汽车服务有限公司", (
        ("610113", "西安市雁塔区", ("科技路", "太白南路", "长安南路")),
        ("610104", "西安市莲湖区", ("劳动南路", "大庆路")),
        ("610111", "西安市灞桥区", ("纺织城正街", "长乐东路"))), "O",
        ("auto_repair", "vehicle_inspector", "sales", "accountant"),
        "029-8853", tier=1.0, owner="hr.changan"),
    Employer("郑州金水启明教育科技有限公司", (
        ("410105", "郑州市金水区", ("花园路", "金水路", "经三路")),
        ("410102", "郑州市中原区", ("中原中路", "桐柏路")),
        ("410104", "郑州市管城回族区", ("紫荆山路", "城东路"))), "P",
        ("kindergarten", "nursery", "part_time_tutor", "clerk", "hr"),
        "0371-6551", tier=0.95, owner="hr.qiming"),
    Employer("长治上党食品有限公司", (
        ("140403", "山西省长治市潞州区", ("英雄南路", "太行西街", "长兴中路")),
        ("140404", "山西省长治市上党区", ("府前路", "平安街"))), "C",
        ("baker", "food_inspector", "sewing", "loader", "sales"),
        "0355-2026", tier=0.85, owner="hr.shangdang"),
    Employer("太原龙城物业管理有限公司", (
        ("140106", "山西省太原市迎泽区", ("迎泽大街", "双塔西街")),
        ("140107", "山西省太原市杏花岭区", ("解放路", "府东街")),
        ("140109", "山西省太原市万柏林区", ("千峰南路", "和平南路")),
        ("140105", "山西省太原市小店区", ("长风街", "平阳路"))), "K",
        ("security", "cleaner", "property", "hvac", "gig_cleaner", "eldercare"),
        "0351-4088", tier=0.9, owner="hr.longcheng"),
)

# The demo employer of the accounts command (wang.fang): software and office jobs in Taiyuan.
JINYANG = Employer("太原晋阳科技有限公司", (
    ("140105", "山西省太原市小店区", ("长治路", "学府街", "南中环街")),
    ("140109", "山西省太原市万柏林区", ("长风西街", "龙城大街"))), "I",
    ("software", "frontend", "tester", "data", "customer_service", "accountant", "hr",
     "gig_promoter"), "0351-7654", tier=0.95)

GIG_CONDITIONS = ("平台为零工人员购买意外伤害保险", "提供工作服和午餐", "现场有休息区和饮用水",
                  "提供必要的工具和劳动防护用品", "报名后可先到现场试工半小时")


def _round(value: float, unit: str) -> int:
    step = {"month": 100, "day": 10, "hour": 1, "piece": 1}[unit]
    return max(step, round(value / step) * step)


def _ordered_sample(rng: random.Random, items: tuple[str, ...], k: int) -> list[str]:
    """``k`` of ``items``, in their written order (duties read in a sensible sequence)."""
    picked = sorted(rng.sample(range(len(items)), k=min(k, len(items))))
    return [items[i] for i in picked]


def _content(rng: random.Random, job: Job, *, employer: Employer, valid_until) -> dict:
    region, district, streets = rng.choice(employer.places)
    low, high = job.pay
    factor = employer.tier * rng.uniform(0.88, 1.18)
    pay_min = _round(low * factor, job.unit)
    step = {"month": 100, "day": 10}.get(job.unit, 1)
    pay_max = max(pay_min + step, _round(high * factor, job.unit))
    duties = _ordered_sample(rng, job.duties, rng.choice((3, 4)))
    requirements = _ordered_sample(rng, job.requirements, rng.choice((2, 3)))
    if job.kind == "gig":
        conditions = [*job.conditions, *_ordered_sample(rng, GIG_CONDITIONS, 2)]
    else:
        hours = [rng.choice(HOURS)] if not job.conditions or rng.random() < 0.5 else []
        conditions = [*hours, *job.conditions, rng.choice(INSURANCE),
                      *_ordered_sample(rng, BENEFITS, 2)]
    data: dict[str, object] = {
        "kind": job.kind, "title": rng.choice(job.titles),
        "headcount": rng.choice((1, 1, 2, 2, 3, 5, 8, 10)) if job.kind == "job"
        else rng.choice((5, 10, 20, 30)),
        "education_code": job.education, "experience_years": job.experience,
        "requirements": "\n".join(f"{n}. {text}。" for n, text in enumerate(requirements, 1)),
        "employment_type": job.employment,
        "duties": "\n".join(f"{n}. {text}。" for n, text in enumerate(duties, 1)),
        "working_conditions": "；".join(conditions) + "。",
        "work_region_code": region,
        "work_address": f"{district}{rng.choice(streets)} {rng.randint(1, 399)} 号",
        "pay_min": pay_min, "pay_max": pay_max, "pay_unit": job.unit,
        "pay_schedule": job.schedule, "occupation_code": job.occupation,
        "industry_code": job.industry, "valid_until": valid_until,
    }
    if job.kind == "gig":
        data["work_period"] = rng.choice(job.gig_periods)
        data["contact"] = (f"{rng.choice('王李张刘陈杨赵黄周吴')}经理，{employer.phone}"
                           f"{rng.randint(100, 999)}，工作日 9:00-17:00 接受报名")
    return data


def _employer_org(spec: Employer, n: int, reviewer):
    """Register, document and verify one demo employer through the orgs services."""
    from fairhire.accounts import services as accounts
    from fairhire.accounts.management.commands.demo_data import DEMO_PASSWORD, _demo_pdf
    from fairhire.accounts.models import OrgRole, Role
    from fairhire.orgs import services as orgs
    from fairhire.orgs.identifiers import id_check_char, uscc_check_char
    from fairhire.orgs.models import OrgKind

    stem = f"{spec.region}19800101{n:03d}"
    body = f"91{spec.region}MA{n:07d}"
    owner = accounts.user_create(actor=None, username=spec.owner, password=DEMO_PASSWORD,
                                 role=Role.EMPLOYER_STAFF, display_name=f"{spec.name[:4]}人事",
                                 email=f"{spec.owner}@example.com", org_role=OrgRole.OWNER)
    org = orgs.organisation_register(actor=owner, kind=OrgKind.EMPLOYER, data=orgs.OrganisationData(
        name=spec.name, uscc=body + uscc_check_char(body), region_code=spec.region,
        address=f"{spec.places[0][1]}{spec.places[0][2][0]} 8 号", legal_representative="张建华",
        contact_name="人事部", contact_phone=f"{spec.phone}000", operator_name="李娜",
        operator_id_number=stem + id_check_char(stem), operator_phone="13912340000",
        industry_code=spec.industry, size="medium"))
    for alternatives in orgs.required_documents(org):
        orgs.document_upload(actor=owner, organisation=org, kind=alternatives[0],
                             filename=f"{alternatives[0]}.pdf", data=_demo_pdf(spec.name))
    orgs.organisation_submit(actor=owner, organisation=org)
    return orgs.organisation_decide(actor=reviewer, organisation=org, decision="approve")


def demo_postings(*, published: int = PUBLISHED_TARGET,
                  now: datetime | None = None) -> dict[str, int]:
    """Create the demo postings once (nothing happens if any posting exists, or when
    ``published`` is 0: browser tests that only need the demo accounts)."""
    from fairhire.accounts.models import User
    from fairhire.orgs.models import Organisation
    from fairhire.postings import services
    from fairhire.postings.models import JobPosting

    if published <= 0 or JobPosting.objects.exists():
        return {}
    now = now or timezone.now()
    rng = random.Random(2026)  # noqa: S311 (repeatable demo text, not security)
    reviewer = User.objects.get(username="yang.fan")
    owners = {}
    plans: list[tuple[object, Job, Employer]] = []
    jinyang = Organisation.objects.filter(name=JINYANG.name).first()
    if jinyang is not None:
        owners[jinyang.pk] = User.objects.get(username="wang.fang")
        plans += [(jinyang, JOBS[key], JINYANG) for key in JINYANG.jobs]
    for n, spec in enumerate(EMPLOYERS, start=1):
        org = _employer_org(spec, n, reviewer)
        owners[org.pk] = org.memberships.get(role="owner").user
        plans += [(org, JOBS[key], spec) for key in spec.jobs]

    def write(org, job, spec, *, at: datetime, actor=None):
        valid_until = timezone.localdate(at) + timedelta(days=rng.choice((30, 45, 60, 90)))
        data = _content(rng, job, employer=spec, valid_until=valid_until)
        actor = actor or owners[org.pk]
        posting = services.posting_create(actor=actor, data=services.PostingData(**data),
                                          employer=org if actor is not owners[org.pk] else None,
                                          now=at)
        return services.posting_submit(actor=actor, posting=posting, now=at)

    counts = {"published": 0, "in_review": 0, "expired": 0}
    # Expired: published seven weeks ago and never confirmed (Regulation Art. 18).
    for i in range(EXPIRED):
        org, job, spec = plans[i % len(plans)]
        at = now - timedelta(days=50 + i % 7, hours=rng.randint(0, 8))
        posting = write(org, job, spec, at=at)
        if posting.status == JobPosting.Status.IN_REVIEW:
            services.posting_publish(posting=posting, actor=reviewer, now=at)
    counts["expired"] = services.postings_freshness_sweep(now=now)["expired"]
    # Published over the last three weeks; each employer's first posting is reviewed, the
    # clean ones after it are published on submission (decision 2 of docs/postings.md).
    i = 0
    while counts["published"] < published:
        org, job, spec = plans[i % len(plans)]
        i += 1
        at = now - timedelta(days=rng.randint(0, 21), hours=rng.randint(0, 10),
                             minutes=rng.randint(0, 59))
        posting = write(org, job, spec, at=at)
        if posting.status == JobPosting.Status.IN_REVIEW:
            posting = services.posting_publish(posting=posting, actor=reviewer, now=at)
        counts["published"] += posting.status == JobPosting.Status.PUBLISHED
    # In review: postings the demo agency (chen.jing) writes for employers that entrusted it.
    agency_owner = User.objects.filter(username="chen.jing").first()
    agency = Organisation.objects.filter(name="晋才人力资源服务有限公司").first()
    if agency_owner is not None and agency is not None:
        entrusting = [plan for plan in plans if plan[0].name in (
            "太原晋阳科技有限公司", "太原龙城物业管理有限公司", "长治上党食品有限公司")]
        for org in {plan[0].pk: plan[0] for plan in entrusting}.values():
            services.entrustment_grant(actor=owners[org.pk], agency=agency, now=now,
                                       reference=f"委托书 晋才-{org.pk:04d}",
                                       valid_until=timezone.localdate(now) + timedelta(days=365))
        for k in range(IN_REVIEW):
            org, job, spec = entrusting[k % len(entrusting)]
            write(org, job, spec, at=now - timedelta(hours=k + 1), actor=agency_owner)
            counts["in_review"] += 1
    # A published agency posting being revised: its new version waits for the reviewer
    # while the published text stays up.
    first = JobPosting.objects.filter(agency=agency, status=JobPosting.Status.IN_REVIEW) \
        .order_by("pk").first() if agency is not None else None
    if first is not None:
        first = services.posting_publish(posting=first, actor=reviewer, now=now)
        counts["in_review"] -= 1
        services.posting_edit(actor=agency_owner, posting=first, now=now, changes={
            "pay_max": (first.pay_max or 0) + (500 if first.pay_unit == "month" else 5),
            "working_conditions": first.working_conditions + "每年调薪一次。"})
        services.posting_submit(actor=agency_owner, posting=first, now=now)
    return counts
