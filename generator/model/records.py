"""The data files of a community, one model per file kind.

This is the single source of the schema: validation (pydantic) and the
exported JSON Schema both come from these classes. Field titles and
descriptions are the Chinese text staff see in the guide and the editor.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import Field

from generator.model import catalogue as cat
from generator.model.values import (
    Amount, Contact, Disclosable, Evidence, ObjectionChannel, Period, PersonName, Record, T, Text, Vote,
)

Id = str  # a record's stable id: part of its permanent address; letters, digits, "-"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9\-]*$"


def IdField(title: str = "编号") -> Field:
    # YAML reads `id: 2025` as a number; the model turns it into text, the schema allows both.
    return T(title, "记录的固定编号，会成为网址的一部分，发布后不要修改；只用字母、数字和“-”",
             pattern=ID_PATTERN, max_length=40,
             json_schema_extra={"type": ["string", "integer"]})


# ================================================================ community.yml
class Region(Record):
    province: Text = T("省")
    city: Text = T("市")
    district: Text = T("区（县）")
    street: Text = T("街道（镇）")


class Population(Record):
    households: int = T("户数", ge=0)
    residents: int = T("常住人口", ge=0)
    aged_60_plus: int = T("60 岁以上常住人口", ge=0)


class Facilities(Record):
    service_area_m2: Decimal = T("社区服务设施面积（㎡）", "renren 表1-13：每百户不少于 30 ㎡", ge=0)
    resident_area_m2: Decimal | None = T("居民服务与活动用房面积（㎡）", "renren 表1-13：不少于服务设施面积的 70%",
                                         default=None, ge=0)
    waste_sorting_percent: Decimal | None = T("垃圾分类设施建成率（%）", "renren 表1-17：应为 100%", default=None,
                                              ge=0, le=100)


class SocialWorkersYear(Record):
    year: int = T("年份", ge=1990, le=2100)
    count: int = T("专职社区工作者人数", ge=0)
    certified: int = T("持社会工作者职业资格证书人数", ge=0)


class Organisations(Record):
    registered: int = T("已备案社区社会组织数", "在省民政厅社区社会组织备案管理系统备案的数量", ge=0)
    active: int = T("活跃社区社会组织数", ge=0)


class Declared(Record):
    """Facts only staff can declare; shown as 自报 on the self-assessment (decisions 3)."""

    training_new_days: int | None = T("新进社工集中脱产培训天数", "xingfuli 6.1：不少于 3 天", default=None, ge=0)
    training_existing_days: int | None = T("现有社工年度培训天数", "xingfuli 6.1：每人每年不少于 5 天", default=None, ge=0)
    new_staff_visit_percent: Decimal | None = T("新社工上岗 3 个月内走访住户比例（%）", "xingfuli 6.1：不少于三分之一",
                                                default=None, ge=0, le=100)
    elderly_visit_percent: Decimal | None = T("60 岁以上住户走访覆盖率（%）", "xingfuli 6.1：100%", default=None, ge=0, le=100)
    yearly_visit_all: bool | None = T("每年走访全部住户", "xingfuli 6.1", default=None)
    brand_sign_hung: bool | None = T("已悬挂统一品牌标牌", "xingfuli 7.3 / 附录 A", default=None)
    tendering_platform: bool | None = T("通过公共资源交易平台招标", "xingfuli 8.2.3 业标街管", default=None)
    prompt_announcement: bool | None = T("重大决策及时在显著位置公告", "xingfuli 8.2.4", default=None)
    org_pairing: bool | None = T("社会组织与社区结对", "xingfuli 8.5.2", default=None)
    organ_party_members_report: bool | None = T("机关党员到社区报到", "xingfuli 8.5.2", default=None)
    special_elderly_monthly_visits: bool | None = T("特殊困难老人每月探访", "xingfuli 9.3：空巢、留守、失能、重残、计生特殊家庭",
                                                   default=None)
    folk_diary: bool | None = T("民情日记", "renren 表1-5", default=None)
    honour_board: bool | None = T("善行榜/义举榜", "renren 表1-9", default=None)
    working_groups: list[str] = T("工作小组", "renren 5.1.1：综合协调组、建设运行组、新闻宣传组、效果评价组",
                                  default_factory=list)


class Settings(Record):
    min_window_days: int = T("最短公示期（天）", default=7, ge=1, le=60)
    survey_weights: dict[str, Decimal] | None = T("满意度权重", "各评价内容的权重（合计为 1）；不写则等权", default=None)
    history_since: dt.date | str | None = T("修订检查起点", "git 提交或日期（YYYY-MM-DD）；此前的修改不算作发布后的修改",
                                            default=None)
    public_numbers: list[str] = T("可公开号码白名单", "允许出现在公示中的公共电话号码，如居委会热线", default_factory=list)


class CommunityProfile(Record):
    name: Text = T("名称", "如“瓯江社区”“幸福里小区”")
    kind: Literal[cat.KINDS] = T("类型", "社区、小区或村")
    profiles: list[Literal[cat.PROFILES]] = T("遵循的标准", "xingfuli（温州共享社·幸福里）和/或 renren（常州人人社区）",
                                               min_length=1)
    draft: bool = T("草稿", "草稿会被检查但不会发布", default=False)
    old_estate: bool = T("老旧小区", "xingfuli 7.3：老旧小区功能场景不少于 3 项", default=False)
    parent: str | None = T("所属社区", "小区所属社区的文件夹名（slug）", default=None)
    old_slugs: list[str] = T("曾用文件夹名", "改名后旧网址会跳转到新网址", default_factory=list)
    region: Region = T("所在地区")
    profile_text: str | None = T("简介", default=None)
    population: Population = T("人口")
    facilities: Facilities | None = T("服务设施", default=None)
    social_workers: list[SocialWorkersYear] = T("专职社区工作者（逐年）", default_factory=list)
    organisations: Organisations | None = T("社区社会组织", default=None)
    volunteers: int | None = T("注册志愿者人数", default=None, ge=0)
    contact: Contact = T("公开联系方式")
    objection_channel: ObjectionChannel | None = T("默认异议渠道", "各公示记录默认使用的疑问受理渠道", default=None)
    declared: Declared = T("自报事项", default_factory=Declared)
    settings: Settings = T("设置", default_factory=Settings)


# ================================================================ scenes.yml
class Scene(Record):
    name: Literal[cat.SCENES] = T("场景名称", "标准所列的功能场景或设施名称")
    present: bool = T("已建成", default=True)
    place: str | None = T("位置", default=None)
    hours: str | None = T("开放时间", default=None)
    walk_minutes: int | None = T("步行分钟数", "从居民住处步行到达的最长时间", default=None, ge=0, le=120)
    shared_sign: bool | None = T("挂共享标识", "xingfuli 9.2", default=None)
    free: bool | None = T("免费向居民开放", "xingfuli 9.2", default=None)
    note: str | None = T("备注", default=None)


class ScenesFile(Record):
    scenes: list[Scene] = T("功能场景", default_factory=list)


# ================================================================ lists.yml (四张清单)
class ListEntry(Record):
    id: Id = IdField()
    date: dt.date = T("登记日期")
    text: Text = T("内容")
    status: str | None = T("办理情况", default=None)


class ListsFile(Record):
    problems: list[ListEntry] = T("问题清单", default_factory=list)
    needs: list[ListEntry] = T("需求清单", default_factory=list)
    resources: list[ListEntry] = T("资源清单", default_factory=list)
    projects: list[ListEntry] = T("项目清单", default_factory=list)


# ================================================================ key_items.yml
class Step(Disclosable):
    step: Literal[cat.PROCEDURE_STEPS] = T("程序步骤", "五议两公开或三审两公开一备案的步骤名称")
    date: dt.date = T("日期")
    note: str | None = T("说明", default=None)
    evidence: list[Evidence] = T("附件", default_factory=list)


class Milestone(Record):
    date: dt.date = T("日期")
    text: Text = T("进展")
    evidence: list[Evidence] = T("附件", "照片或扫描件", default_factory=list)


class SubItem(Record):
    title: Text = T("子项")
    progress: Decimal | None = T("进度（%）", "不写表示没有数字，与 0% 不同", default=None, ge=0, le=100)
    budget: Amount | None = T("预算", default=None)


class KeyItem(Disclosable):
    id: Id = IdField()
    year: int = T("年度", ge=2000, le=2100)
    title: Text = T("事项名称")
    category: Text = T("类别", "xingfuli 8.1：便民利民、城市管理、交通出行、基础设施、群众活动、环境改善、公共服务、结对帮扶（可另设）",
                       json_schema_extra={"examples": list(cat.KEY_ITEM_CATEGORIES)})
    source: str | None = T("来源清单条目", "四张清单中条目的编号，如 N-2025-03", default=None)
    major: bool = T("重大事项", "重大事项须走完整议事程序", default=True)
    scope: str | None = T("范围", "全小区、某幢、某单元、某设施（如 3 幢电梯）", default=None)
    description: str | None = T("说明", default=None)
    budget: Amount | None = T("预算", default=None)
    status: Literal[cat.ITEM_STATUSES] = T("状态")
    stop_reason: str | None = T("终止原因", "状态为“已终止”时必填", default=None)
    result: str | None = T("结果", default=None)
    progress: Decimal | None = T("进度（%）", "不写表示没有数字，与 0% 不同", default=None, ge=0, le=100)
    steps: list[Step] = T("议事程序", default_factory=list)
    milestones: list[Milestone] = T("实施进展", default_factory=list)
    sub_items: list[SubItem] = T("子项", default_factory=list)
    rollup: Literal["平均", "按预算加权"] | None = T("子项汇总方式", default=None)
    vote: Vote | None = T("业主表决", default=None)


class KeyItemsFile(Record):
    items: list[KeyItem] = T("关键事项", default_factory=list)


# ================================================================ pledges.yml
class AdoptionStep(Record):
    step: Literal[cat.PROCEDURE_STEPS] = T("程序步骤")
    date: dt.date = T("日期")


class Pledge(Disclosable):
    id: Id = IdField()
    kind: Literal[cat.PLEDGE_KINDS] = T("公约类型")
    title: Text = T("标题")
    clauses: list[Text] = T("条款", min_length=1)
    adopted: dt.date | None = T("通过日期", default=None)
    procedure: list[AdoptionStep] = T("通过程序", "按五议两公开或三审两公开一备案记录的步骤和日期", default_factory=list)
    vote: Vote | None = T("业主表决", default=None)


class Responsibility(Record):
    party: Text = T("责任主体", "如居民、党员、物业、社会组织")
    items: list[Text] = T("责任内容", min_length=1)


class PointsRule(Record):
    behaviour: Text = T("行为")
    points: int = T("积分")


class PointsList(Record):
    rules: list[PointsRule] = T("积分规则", min_length=1)
    exchange: list[Text] = T("兑换规则", min_length=1)


class RenrenLists(Record):
    responsibilities: list[Responsibility] = T("“人人”责任清单", default_factory=list)
    positive: list[Text] = T("“人人”正面行为清单", default_factory=list)
    negative: list[Text] = T("“人人”负面行为清单", default_factory=list)
    points: PointsList | None = T("“人人”积分清单", default=None)


class PledgesFile(Record):
    pledges: list[Pledge] = T("公约", default_factory=list)
    renren: RenrenLists | None = T("人人社区清单", "renren 5.1.2.2 附录 B–D 与积分清单", default=None)


# ================================================================ funds.yml
class Allocation(Record):
    to: Text = T("分摊对象", "楼栋、单元、设施或服务方")
    amount: Amount = T("金额")


class FundLine(Record):
    item: Text = T("项目")
    amount: Amount | None = T("金额", "不写时由数量 × 单价得出", default=None)
    quantity: Decimal | None = T("数量", default=None)
    unit: str | None = T("单位", default=None)
    unit_price: Amount | None = T("单价", default=None)
    tax: Amount | None = T("税额", "单独列出的税额（已含在金额中时写 tax_included: true）", default=None)
    tax_included: bool = T("金额含税", default=False)
    source: Literal[cat.FUNDING_SOURCES] | None = T("资金来源", default=None)
    scope: str | None = T("范围", "楼栋、单元、设施、商铺等，照公告原文", default=None)
    party: str | None = T("经办方", "如新旧物业", default=None)
    date: dt.date | None = T("日期", default=None)
    allocation_rule: str | None = T("分摊规则", default=None)
    allocations: list[Allocation] = T("分摊", default_factory=list)
    note: str | None = T("备注", default=None)


class SubAccount(Record):
    scope: Text = T("分户账范围", "如 1 幢")
    opening: Amount | None = T("期初余额", default=None)
    income: Amount | None = T("收入合计", default=None)
    expense: Amount | None = T("支出合计", default=None)
    closing: Amount = T("期末余额")


class Acknowledgement(Record):
    reason: Text = T("原因", "照录已公布文件中的差错时，说明原因；该差错会降为警告并在页面上说明")


class FundStatement(Disclosable):
    id: Id = IdField()
    title: str | None = T("标题", default=None)
    period: Period = T("期间")
    account: Text = T("账户", default="共有资金")
    agent: str | None = T("记账代理", "xingfuli 8.3 业财代理机构", default=None)
    disclosed: dt.date = T("公布日期")
    nil: bool = T("本期无收支", "明确说明本期没有任何收支", default=False)
    opening: Amount | None = T("期初余额", "不写表示未公布，页面会显示推算值", default=None)
    income: list[FundLine] = T("收入明细", default_factory=list)
    expense: list[FundLine] = T("支出明细", default_factory=list)
    income_total: Amount | None = T("公布的收入合计", default=None)
    expense_total: Amount | None = T("公布的支出合计", default=None)
    closing: Amount | None = T("期末余额", default=None)
    acknowledged: Acknowledgement | None = T("照录差错说明", default=None)
    supersedes: str | None = T("取代的公告编号", default=None)
    sub_accounts: list[SubAccount] = T("分户账", default_factory=list)


class FundsFile(Record):
    statements: list[FundStatement] = T("收支公示", default_factory=list)


# ================================================================ activities.yml
class Activity(Record):
    date: dt.date = T("日期")
    time: str | None = T("时间", "如 09:00-11:00（要加引号时可加）", default=None,
                         pattern=r"^\d{1,2}:\d{2}(\s*[-–~至]\s*\d{1,2}:\d{2})?$")
    title: Text = T("活动名称")
    kind: Literal[cat.ACTIVITY_KINDS] = T("活动类型")
    place: str | None = T("地点", default=None)
    organiser: str | None = T("主办", default=None)
    note: str | None = T("说明", default=None)


class ActivitiesFile(Record):
    themes: dict[str, Text] = T("月度主题", "键为月份 YYYY-MM，值为主题，如 2025-03: 学雷锋志愿月", default_factory=dict)
    activities: list[Activity] = T("活动", default_factory=list)


# ================================================================ surveys.yml
class SatisfactionItem(Record):
    content: Text = T("评价内容", "xingfuli 第 10 章的 8 项内容",
                      json_schema_extra={"examples": list(cat.SATISFACTION_CONTENTS)})
    satisfied: int = T("满意", ge=0)
    basic: int = T("基本满意", ge=0)
    unsatisfied: int = T("不满意", ge=0)


class Survey(Disclosable):
    id: Id = IdField()
    kind: Literal[cat.SURVEY_KINDS] = T("调查类型")
    title: Text = T("标题")
    date: dt.date = T("调查日期")
    population: int | None = T("常住人口", "调查时的常住人口；不写用概况中的数字", default=None, ge=0)
    respondents: int = T("样本量", "有效问卷数", ge=0)
    random: bool = T("随机抽样", default=True)
    items: list[SatisfactionItem] = T("评价结果", default_factory=list)
    aware: int | None = T("知晓人数", "公约知晓率调查中表示知晓的人数", default=None, ge=0)


class SurveysFile(Record):
    surveys: list[Survey] = T("调查", default_factory=list)


# ================================================================ services.yml
class ElderlyService(Record):
    item: Text = T("服务项目")
    content: Text = T("服务内容")
    fee: Text = T("收费标准", "免费也写明“免费”")


class Household(Record):
    name: PersonName = T("户主姓名", "页面和海报上自动隐去中间的字（张*明）")
    members: int = T("保障人数", ge=1)
    note: str | None = T("说明", default=None)


class Registration(Disclosable):
    id: Id = IdField()
    title: Text = T("标题")
    disclosed: dt.date = T("公布日期")
    households: list[Household] = T("名单", "只在公示期内公开名单，期满后只显示户数（xingfuli 9.3）", default_factory=list)


class ServicesFile(Record):
    elderly_services: list[ElderlyService] = T("养老服务项目清单", "xingfuli 9.3：内容和收费公开", default_factory=list)
    dibao: list[Registration] = T("低保登记公示", "xingfuli 9.3", default_factory=list)


FILE_MODELS: dict[str, type[Record]] = {
    "community.yml": CommunityProfile,
    "scenes.yml": ScenesFile,
    "lists.yml": ListsFile,
    "key_items.yml": KeyItemsFile,
    "pledges.yml": PledgesFile,
    "funds.yml": FundsFile,
    "activities.yml": ActivitiesFile,
    "surveys.yml": SurveysFile,
    "services.yml": ServicesFile,
}
FILE_TITLES = {
    "community.yml": "社区概况", "scenes.yml": "功能场景", "lists.yml": "四张清单", "key_items.yml": "关键事项",
    "pledges.yml": "公约", "funds.yml": "资金公开", "activities.yml": "活动日历", "surveys.yml": "调查",
    "services.yml": "服务清单与登记公示",
}
