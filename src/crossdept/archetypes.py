"""Department archetypes: what each kind of department worries about (WIIFM) and what can be traded.

Recognised from the department's name (``IT部门``, ``数据中心``, ``品牌市场部`` …); the keyword that
appears first in the name wins, so ``售后技术支持部`` is after-sales, not IT. A name that matches
nothing gets the generic WIIFM questions. The texts restate the course's cases (seeds 000 and 003);
the kinds the course does not name (财务, 法务, 人力资源, 采购, 客服中心, 区域销售/门店, and outside
partners: 供应商, 保险公司, 代理/广告公司) follow the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Archetype:
    """A kind of department. ``acknowledge`` is a clause with ``{dept}`` for the name the user typed;
    ``ask`` a small first request (a question without its mark); ``outside`` marks a partner outside
    the company, to whom a script talks contract and commercial terms, never KPIs."""

    id: str
    name: str
    keywords: tuple[str, ...]
    acknowledge: str
    concerns: tuple[str, ...]
    offers: tuple[str, ...]
    gains: tuple[str, ...]
    ask: str
    outside: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "keywords": list(self.keywords),
            "outside": self.outside,
            "concerns": list(self.concerns),
            "offers": list(self.offers),
            "gains": list(self.gains),
            "ask": self.ask,
        }


ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        "it",
        "IT / 信息技术",
        ("IT", "信息", "技术", "系统", "数字化", "科技"),
        "{dept}手上的需求一直排得很满",
        (
            "需求已经排满了，凭什么先做你的？",
            "项目万一失败，锅会不会甩到我们头上？",
            "项目做成了，我们能得到什么？",
            "会不会耽误总部交代的任务、影响系统稳定？",
        ),
        (
            "整理成标准文档的需求和明确的技术规格",
            "安排专人对接，减少来回沟通",
            "提前收集好需求和问题数据，省去你们的调研",
            "把需求拆成必需功能和二期增强，先做必需部分",
            "由我们出预算请外包做基础开发，你们只做技术把关和集成",
        ),
        ("一个完整、可对外展示的系统案例", "在 CEO 和董事会面前的曝光", "年度优秀项目评选的提名", "作为“技术驱动业务增长”的标杆向总部汇报"),
        "能不能在你们的排期里先给必需功能留一个位置",
    ),
    Archetype(
        "data",
        "数据",
        ("数据", "BI", "大数据"),
        "数据安全对{dept}来说永远排在第一位",
        ("数据安全出了问题，谁来负责？", "数据用在哪里、用多久，边界怎么划？", "我们的工作量要增加多少？", "涉及客户隐私，要不要先过法务审批？"),
        (
            "一份完整的数据使用协议和安全承诺",
            "写清楚数据的使用范围和期限",
            "每一次数据访问都留审计日志",
            "项目结束后立即销毁数据",
            "派我们的人到你们那边查询，数据不出部门",
        ),
        ("项目报告里专门写一章数据的价值和你们的贡献", "CEO 汇报时点名感谢数据能力", "一个可以对外展示的数据应用标杆案例", "在公司层面提升数据部门的影响力"),
        "能不能先给我们一份基础数据",
    ),
    Archetype(
        "training",
        "培训",
        ("培训", "学院", "企业大学", "讲师"),
        "{dept}的培训师档期都排得很紧",
        ("这么多人要培训，讲师和场地够不够？", "培训效果不理想，会不会拖累我们的 KPI？", "这个培训对我们有什么案例价值？"),
        ("分批次安排，避开你们的高峰档期", "由我们准备业务案例和课件素材", "一部分基础课程交给外部培训机构", "学员组织和现场协调由我们负责"),
        ("一个大规模培训的成功案例", "在业务线扩大培训部门的影响力", "有机会成为公司层面的标杆培训项目"),
        "能不能先排一期试点班",
    ),
    Archetype(
        "marketing",
        "市场 / 品牌",
        ("市场", "品牌", "推广", "营销", "公关", "传播"),
        "{dept}有自己的 KPI 和预算安排",
        ("这不在我们的 KPI 里，为什么要配合？", "我们能从中得到什么曝光？", "会不会挤占我们自己项目的人手和预算？", "今年预算已经分完了，钱从哪里来？"),
        (
            "一份算清楚的投入产出账（比如投入 20万能带来 500万收入）",
            "能计入你们新客获取 KPI 的客户线索",
            "分两期执行，先用一半预算做测试",
            "现成的活动素材和效果数据",
        ),
        ("项目宣传里突出市场部的创意和贡献", "实实在在的品牌曝光机会", "新客线索，直接计入你们的 KPI"),
        "能不能先支持一期小范围测试",
    ),
    Archetype(
        "finance",
        "财务",
        ("财务", "资金", "费用", "预算", "结算"),
        "{dept}要对合规和审计负责",
        ("不按流程走，审计追责谁来担？", "这笔钱花出去能收回多少？", "成本和风险怎么控制？", "预算外的支出从哪里出？"),
        (
            "按流程准备齐全的审批材料",
            "一份清楚的投入产出测算",
            "写明紧急情况的背景和时间线，便于走加急通道",
            "事后按要求补齐全部凭证",
            "先按小额试点申请，跑通后再申请全额",
        ),
        ("每一笔支出都有可追踪的回报", "合规风险在事前就被控制住", "以后同类申请可以复用的一套模板"),
        "能不能帮我们看看有没有合规的加急通道，先按试点的小额走",
    ),
    Archetype(
        "legal",
        "法务 / 合规",
        ("法务", "合规", "法律", "风控"),
        "合规风险需要{dept}先把关",
        ("会不会涉及客户隐私或合规风险？", "出了问题责任怎么划分？", "审核要占用我们多少时间？", "合同条款谁来起草？"),
        ("写清楚数据范围、用途和期限的使用协议", "访问审计和到期销毁的安排", "一次提交齐全的材料，减少来回修改", "套用公司已有的合同模板，只改必要的条款"),
        ("风险在项目前期就被控制住", "一份以后可以复用的合规模板", "审核时间可预期，不再被临时加急"),
        "能不能先帮我们看一下协议草稿里最关键的几条",
    ),
    Archetype(
        "hr",
        "人力资源",
        ("人力", "人事", "HR", "招聘", "薪酬", "组织发展", "员工关系"),
        "{dept}要平衡编制、成本和员工的工作负担",
        ("会不会增加编制或人力成本？", "员工的工作量和排班会不会受影响？", "涉及考核和激励调整，要不要走审批？", "出了劳动纠纷谁来负责？"),
        (
            "先用现有人员试行，不新增编制",
            "准备好岗位说明和排班方案，减少你们的测算工作",
            "激励方案按现有制度设计，只做小范围调整",
            "试行期间的数据每周同步给你们",
        ),
        ("一个可复制的人效提升案例", "员工满意度和留任的改善数据", "向管理层汇报时写明人力资源部的方案设计"),
        "能不能先在一个团队里试行一个月，不动编制",
    ),
    Archetype(
        "procurement",
        "采购",
        ("采购", "供应链", "寻源", "招标"),
        "{dept}要对价格、流程和供应商管理负责",
        ("有没有走比价和招标流程？", "供应商资质谁来审核？", "预算和付款条件落实了吗？", "紧急采购会不会留下审计问题？"),
        ("完整的需求说明和验收标准，方便你们询价", "提前准备好的供应商资料和比价信息", "按采购制度走流程，时间上提前留足", "先做一单小金额试点，再走框架协议"),
        ("采购流程规范、审计无忧", "一家经过验证的新供应商", "后续批量采购时更好的议价空间"),
        "能不能先按小额采购流程试一单",
    ),
    Archetype(
        "callcenter",
        "客服中心",
        ("客服", "呼叫中心", "热线", "400", "联络中心"),
        "{dept}的坐席每天都在接听量和服务指标的压力下工作",
        ("会不会增加坐席的话务量和处理时长？", "接通率和满意度指标会不会受影响？", "话术和流程改了，培训谁来做？"),
        ("写好的话术脚本和常见问题解答", "由我们准备培训材料，在班前会上十分钟讲完", "上线初期我们派人在现场答疑", "先在一个班组试行两周"),
        ("来电量减少、一次解决率提升", "客户满意度的改善计入你们的服务成绩", "一个可以向管理层展示的服务创新案例"),
        "能不能先在一个班组试行两周",
    ),
    Archetype(
        "sales",
        "区域销售 / 门店",
        ("区域销售", "销售", "门店", "渠道", "营业", "经销商", "4S", "大区"),
        "{dept}的时间都压在业绩上",
        ("会不会占用销售顾问跑业绩的时间？", "对成交和业绩有什么帮助？", "门店一线会不会多出很多工作？"),
        ("拿来就能用的操作指引和话术", "把培训压缩成短课，放在非高峰时段", "上线期间我们派人到店支持", "先选几家意愿强的门店试点"),
        ("更多成交机会和客户线索", "客户满意度和回店率的提升", "增长的收入计入你们的业绩"),
        "能不能先选几家意愿强的门店试点",
    ),
    Archetype(
        "aftersales",
        "售后 / 服务运营",
        ("售后", "服务", "运营", "维修", "车间"),
        "{dept}一线每天的事情已经很多",
        ("会不会增加一线的工作量？", "对客户满意度和运营效率有没有帮助？", "收入、利润和客户留存能不能看到改善？"),
        ("拿来就能用的操作指引，减少一线的学习成本", "先在一两个站点试点", "上线期间我们派人到现场支持"),
        ("客户满意度和留存的提升", "运营效率的改善", "增长的收入计入你们的业绩"),
        "能不能先选一个站点试点",
    ),
    Archetype(
        "insurer",
        "保险公司",
        ("保险", "保司", "财险", "人寿", "车险"),
        "{dept}要对承保风险和理赔成本负责",
        ("理赔规则和责任边界清不清楚？", "业务量和保费规模有多大？", "合同期限和结算方式怎么定？"),
        ("清楚的业务场景说明和预估的业务量", "理赔流程和责任边界的书面约定", "专人对接，按月对账结算"),
        ("稳定的新增业务量", "一份条款清楚、风险可控的合作协议", "可以在同业中展示的合作案例"),
        "能不能先签一个三个月的试点协议，按试点的业务量报价",
        outside=True,
    ),
    Archetype(
        "agency",
        "代理 / 广告公司",
        ("广告", "代理商", "代理公司", "公关公司", "媒介", "创意", "4A", "代理"),
        "{dept}要对交付质量和投入的人力负责",
        ("需求范围和交付物清不清楚？", "预算和付款节点有没有落实？", "修改次数和时间安排是否可行？"),
        ("清楚的需求简报和交付标准", "已经落实的预算和明确的付款节点", "一位能拍板的对接人，减少反复修改"),
        ("一份明确的合同和按时的付款", "一个可以放进作品集的案例", "后续长期合作的机会"),
        "能不能先按一期的范围给我们一份报价和排期",
        outside=True,
    ),
    Archetype(
        "external",
        "外部伙伴 / 供应商",
        ("供应商", "外部", "外包", "机构", "第三方", "厂商", "服务商", "合作方"),
        "{dept}要对交付质量和成本负责",
        ("范围和验收标准清不清楚？", "预算和付款有没有落实？", "时间安排是否可行？"),
        ("清楚的需求范围和验收标准", "已经落实的预算和付款安排", "专人对接"),
        ("一份明确的合同", "一个可以作为案例展示的合作项目", "后续合作的机会"),
        "能不能先给我们一份报价和排期",
        outside=True,
    ),
)

GENERIC = Archetype(
    "generic",
    "其他部门",
    (),
    "{dept}手上也有自己的 KPI 和工作安排",
    (
        "这件事为什么要排在我们手上其他工作的前面？",
        "做成了，我们部门能得到什么？",
        "做砸了，责任会不会落到我们头上？",
        "要占用我们多少人手和时间？",
        "会不会影响我们自己的 KPI 和项目？",
    ),
    ("整理好的需求说明，减少你们的理解成本", "专人对接", "把要做的事拆小，先从一小步开始"),
    ("项目汇报里公开感谢你们的贡献", "一个可以展示的成功案例", "下次你们需要配合时，我们优先支持"),
    "能不能先约半小时，一起把第一步定下来",
)
# A name with one of these is a company of its own, whatever its trade (``某某科技有限公司``); the
# others name a part of ours (``华东分公司``).
_COMPANY = ("有限公司", "股份公司", "公司", "集团")
_OUR_OWN = ("分公司", "子公司", "总公司", "本公司", "我司")
OUTSIDE_DEFAULT = ARCHETYPES[-1]


def is_outside(department: str) -> bool:
    """Whether a department name is a partner outside the company (a supplier, an insurer, an agency)."""
    archetype = _by_keyword(department)
    if archetype is not None and archetype.outside:
        return True
    return any(word in department for word in _COMPANY) and not any(word in department for word in _OUR_OWN)


def _by_keyword(department: str) -> Archetype | None:
    upper = department.upper()
    best: tuple[int, int, Archetype] | None = None
    for archetype in ARCHETYPES:
        for keyword in archetype.keywords:
            at = upper.find(keyword.upper())
            if at >= 0 and (best is None or (at, -len(keyword)) < (best[0], best[1])):
                best = (at, -len(keyword), archetype)
    return best[2] if best else None


def match_archetype(department: str) -> Archetype | None:
    """The archetype whose keyword appears earliest in ``department`` (longer keyword on a tie);
    a company of its own that matched an internal kind (``某某科技有限公司``) is an outside partner."""
    archetype = _by_keyword(department)
    if archetype is not None and not archetype.outside and is_outside(department):
        return OUTSIDE_DEFAULT
    if archetype is None and is_outside(department):
        return OUTSIDE_DEFAULT
    return archetype
