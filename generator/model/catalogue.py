"""The standards' fixed lists, as data: scenes, categories, procedure steps.

Rules and the JSON Schema read these tables; nothing else spells them out.
Clause numbers follow ../shared/standards/REQUIREMENTS.md.
"""

from __future__ import annotations

PROFILES = ("xingfuli", "renren")
PROFILE_NAMES = {"xingfuli": "共享社·幸福里（温州）", "renren": "人人社区（常州 DB3204/T 1058—2023）"}
KINDS = ("社区", "小区", "村")

# xingfuli 7.2: a 社区 has at least 6 of these 8.
COMMUNITY_SCENES = (
    "党群服务中心（邻里客厅）", "邻里食堂或助餐点", "邻里书吧", "居家养老服务照料中心或照护中心",
    "妇女儿童综合服务驿站", "托育服务机构", "避灾安置场所", "微型消防站",
)
COMMUNITY_SCENES_OPTIONAL = (
    "邻里学堂", "百姓健身房/室外健身场地", "卫生服务场所", "智慧安防小区", "共富工坊", "城市驿站",
    "助残暖心服务驿站", "物品共享平台",
)
# xingfuli 7.3: a 小区 has at least 5 of these 8 (an old estate at least 3).
ESTATE_SCENES = (
    "党群服务阵地", "休闲会客场所", "儿童游乐设施", "长者服务设施", "文体活动区域", "物品共享平台",
    "健康诊疗驿站", "就业致富场景",
)
# renren 表1-15 all-age facilities, 表1-18 24-hour self-service area.
RENREN_FACILITIES = ("养老托育", "卫生健康", "共享书屋", "绿化步道", "健身场馆")
RENREN_EXTRA = ("24小时自助服务区", "垃圾分类设施")
# xingfuli 7.1: the 15-minute party-and-service circle (warning); 7.2: these two within 15 minutes (error).
WALK_CIRCLE_FUNCTIONS = ("党建驿站", "助餐服务", "图书阅览", "养老服务", "托育服务", "儿童游乐")
WALK_REQUIRED_SCENES = ("邻里食堂或助餐点", "托育服务机构")

SCENES = tuple(dict.fromkeys(
    COMMUNITY_SCENES + COMMUNITY_SCENES_OPTIONAL + ESTATE_SCENES + RENREN_FACILITIES + RENREN_EXTRA))

# xingfuli 8.1: key-item categories ("包括但不限于": others allowed, the rule only informs).
KEY_ITEM_CATEGORIES = ("便民利民", "城市管理", "交通出行", "基础设施", "群众活动", "环境改善", "公共服务", "结对帮扶")
FOUR_LISTS = ("问题", "需求", "资源", "项目")
FOUR_LIST_KEYS = {"problems": "问题", "needs": "需求", "resources": "资源", "projects": "项目"}

# xingfuli 8.2.1 五议两公开 (社区) and 8.2.2 三审两公开一备案 (小区), in order.
PROCEDURES: dict[str, tuple[str, ...]] = {
    "五议两公开": ("党员群众建议", "党组织提议", "两委会商议", "党员大会审议", "居民代表决议", "决议公开", "实施结果公开"),
    "三审两公开一备案": ("小区业委会审议", "社区（小区）党组织审核", "业主（代表）大会审定", "审议公开", "实施公开", "社区备案"),
}
# Steps that are disclosures to residents: each has a 公示期 (lifecycle issue).
PUBLIC_STEPS = ("决议公开", "实施结果公开", "审议公开", "实施公开")
PROCEDURE_FOR_KIND = {"社区": "五议两公开", "村": "五议两公开", "小区": "三审两公开一备案"}
PROCEDURE_STEPS = tuple(dict.fromkeys(s for steps in PROCEDURES.values() for s in steps))

STAGES = ("未启动", "实施中", "已完成", "已终止")
ITEM_STATUSES = ("酝酿中", "审议中", "已决议", "实施中", "已完成", "已终止")

ACTIVITY_KINDS = ("邻里活动", "邻里赛事", "三方联席会议", "议事会", "走访", "人人访谈", "物品交换", "志愿服务", "培训", "其他")

# xingfuli clause 10: the eight contents residents rate.
SATISFACTION_CONTENTS = (
    "组织工作", "环境面貌改善情况", "功能场景", "“一老一小一特”服务工作情况", "服务活动参与率",
    "重大事项决策", "财务管理公开情况", "资源共享工作",
)
SURVEY_KINDS = ("满意度", "公约知晓率")

PLEDGE_KINDS = ("居民公约", "业主公约", "人人社区公约", "村规民约", "其他公约")
# xingfuli 8.4: which procedure adopts which pledge.
PLEDGE_PROCEDURE = {"居民公约": "五议两公开", "业主公约": "三审两公开一备案"}

FUNDING_SOURCES = ("公共收益", "物业服务费", "专项维修资金", "借款", "还款", "财政补助", "捐赠", "其他")
AMOUNT_UNITS = {"元": 1, "万元": 10_000}
QUALIFIERS = ("约", "余", "多", "近")
SCOPE_KINDS = ("全小区", "楼栋", "单元", "设施", "商铺", "其他")
CHANGE_KINDS = ("更正", "补充", "重新公示")
VOTE_METHODS = ("会议", "书面", "电子平台", "会议+书面")
# decisions 17: Civil Code art. 278 matters (items 1-9); items 6-8 need three quarters.
VOTE_MATTERS = (
    "筹集维修资金", "改建重建建筑物", "改变共有部分用途", "利用共有部分从事经营", "使用维修资金",
    "制定和修改管理规约", "制定和修改议事规则", "选举业委会", "选聘解聘物业", "其他共同管理事项",
)
SUPERMAJORITY_MATTERS = ("筹集维修资金", "改建重建建筑物", "改变共有部分用途", "利用共有部分从事经营")
