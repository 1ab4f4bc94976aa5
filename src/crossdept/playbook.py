"""The course's method as data: topics, obstacles, the persistence ladder, escalation, rules, capabilities.

Every flag and plan item names a topic id from ``TOPICS``; its ``section`` is a link relative to
``docs/`` (``kp325/six-steps.md#step-1``, pages as in ``mkdocs.yml``'s nav). The anchors are the
topic ids themselves, so a chapter heading carries the matching attribute
(``### 第1步：绘制资源地图 { #step-1 }``); until it does, the link still opens the right page. The
sections of Day 48 parts 2–8 that quizzes and the journal link to come from ``reading.py``; their
ids are the sections themselves. Department archetypes live in ``archetypes.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .archetypes import ARCHETYPES, GENERIC
from .reading import READING_SECTIONS

DAY48_DIR, KP325_DIR = "day48", "kp325"
DAY48, KP325 = f"{DAY48_DIR}/index.md", f"{KP325_DIR}/index.md"


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    page: str
    anchor: str

    @property
    def section(self) -> str:
        return f"{self.page}#{self.anchor}"

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "section": self.section}


def _topics(page: str, *pairs: tuple[str, str]) -> list[Topic]:
    return [Topic(tid, title, page, tid) for tid, title in pairs]


GOLDEN_RULES: tuple[str, ...] = (
    "资源协调是利益交换，不是求人帮忙",
    "每个部门都在问“对我有什么好处”（WIIFM），你得先备好答案",
    "先争取盟友，再去攻克难点",
    "降低对方的门槛，比加大回报更管用",
    "替对方备好向上汇报的材料",
    "信任要从小事一点点建立",
    "定期同步进展，及时表达感谢",
    "说到做到，把一次合作变成长期关系",
    "该升级时就升级，但要讲究方式",
    "把过去的问题变成改进的机会",
)

TOPICS: dict[str, Topic] = {
    t.id: t
    for t in [
        # The sections of parts 2–8 the quizzes and the journal link to, so their links name them;
        # first, so they title their sections in ``manifest.sections`` (see ``reading.py``).
        *(Topic(f"{page}#{anchor}", f"{part} · {heading}", page, anchor) for page, part, pairs in READING_SECTIONS for anchor, heading in pairs),
        *_topics(
            DAY48,
            ("roots", "跨部门沟通难在哪里：三大根源"),
            ("root-goals", "根源1：目标不一致"),
            ("root-interests", "根源2：利益不同"),
            ("root-information", "根源3：信息不对称"),
            ("logic-1", "逻辑1：没有敌人，只有立场不同"),
            ("logic-2", "逻辑2：协作的本质是资源交换（量化价值）"),
            ("logic-3", "逻辑3：信任是最稀缺的资源"),
        ),
        *_topics(
            f"{DAY48_DIR}/pitfalls.md",
            ("pitfalls", "五个常见误区"),
            ("pitfall-1", "误区1：用命令的口吻沟通"),
            ("pitfall-2", "误区2：只说问题，不给方案"),
            ("pitfall-3", "误区3：只谈自己的需求"),
            ("pitfall-4", "误区4：临时抱佛脚"),
            ("pitfall-5", "误区5：一次不成就放弃（坚持的梯子）"),
        ),
        *_topics(
            f"{DAY48_DIR}/capabilities.md",
            ("capabilities", "三大核心能力"),
            ("reflection", "三个思考题"),
        ),
        *_topics(KP325, ("exchange", "协调靠利益交换，不靠求人帮忙")),
        *_topics(
            f"{KP325_DIR}/six-steps.md",
            ("step-1", "第1步：绘制资源地图"),
            ("step-2", "第2步：分析部门动机（WIIFM）"),
            ("step-3", "第3步：设计交换方案"),
            ("step-4", "第4步：建立联盟"),
            ("step-5", "第5步：升级决策层"),
            ("step-6", "第6步：持续维护"),
        ),
        *_topics(
            f"{KP325_DIR}/obstacles.md",
            ("obstacles", "破解五种常见协调障碍"),
            ("obstacle-busy", "障碍1：“我太忙了”"),
            ("obstacle-kpi", "障碍2：“这不在我的 KPI 里”"),
            ("obstacle-approval", "障碍3：“我需要领导批准”"),
            ("obstacle-rules", "障碍4：“我们部门有规定”"),
            ("obstacle-history", "障碍5：“上次合作不愉快”"),
        ),
        # The conflict and negotiation worksheets' flags link to the chapters of parts 4–6 that teach them.
        *_topics(
            "day48/conflict-theory.md",
            ("conflict-types", "冲突的五种类型"),
            ("conflict-modes", "五种冲突处理方式（托马斯—基尔曼）"),
            ("conflict-interests", "立场背后的利益"),
        ),
        *_topics("day48/conflict-practice.md", ("conflict-steps", "冲突解决五步法")),
        *_topics(
            "day48/negotiation-method.md",
            ("negotiation-zopa", "可达成协议的区间（ZOPA）"),
            ("negotiation-batna", "谈判协议的最佳替代方案（BATNA）"),
            ("negotiation-anchor", "开价与锚定"),
            ("negotiation-criteria", "客观标准"),
            ("negotiation-concessions", "有来有往的让步"),
        ),
        *_topics(
            f"{KP325_DIR}/toolkit.md",
            ("tools", "实战工具：跨部门协调工作簿"),
            ("rules", "十条黄金法则"),
            # Each rule has its own heading (``{ #rule-4 }``), so a "重读" link lands on the rule it names.
            *((f"rule-{n}", f"黄金法则 {n}：{text}") for n, text in enumerate(GOLDEN_RULES, 1)),
        ),
    ]
}


@dataclass(frozen=True, slots=True)
class Strategy:
    name: str
    how: str


@dataclass(frozen=True, slots=True)
class Obstacle:
    """One of the five obstacles: ``label`` is the canonical value a tracker row carries."""

    id: str
    label: str
    aliases: tuple[str, ...]
    essence: str
    wrong: str
    strategies: tuple[Strategy, Strategy, Strategy]
    rule: str

    @property
    def topic(self) -> str:
        return f"obstacle-{self.id}"

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "essence": self.essence,
            "wrong": self.wrong,
            "topic": self.topic,
            "rule": self.rule,
            "strategies": [{"name": s.name, "how": s.how} for s in self.strategies],
        }


OBSTACLES: tuple[Obstacle, ...] = (
    Obstacle(
        "busy",
        "太忙",
        ("我太忙了", "太忙了", "没时间", "没空", "忙"),
        "并不是真的抽不出时间，而是你的事在他的优先级清单里排得太靠后。",
        "追问“那您什么时候有空？”——得到的答案往往是永远没空。",
        (
            Strategy("提升优先级", "让对方看到这件事的分量：高层关注、有明确的汇报节点，做好了也是他们展示部门价值的机会。"),
            Strategy("降低门槛", "把需求拆开：必需功能先做（例如两周能完成），增强功能放到二期，对方投入少、风险可控。"),
            Strategy("提供资源", "由我们出预算或人手（比如请外包做基础开发），对方只负责技术把关和最后集成。"),
        ),
        "rule-4",
    ),
    Obstacle(
        "kpi",
        "不在KPI",
        ("不在KPI里", "这不在我的KPI里", "不在我的KPI里", "KPI"),
        "帮了你没有好处，不帮也没有坏处。",
        "搬出“这是公司的事，你应该支持”——这是道德绑架，只会招来反感。",
        (
            Strategy("植入到KPI", "先和对方的领导沟通好，把项目作为跨部门协作案例计入对方考核，并在项目文档里写明他们的贡献。"),
            Strategy("创造隐性价值", "讲清楚 KPI 之外的好处：高层曝光、被点名表扬的机会，以及过去有人因此得到认可的例子。"),
            Strategy("未来回报承诺", "记下这份人情，承诺他们下次需要你的部门配合时优先安排。"),
        ),
        "rule-2",
    ),
    Obstacle(
        "approval",
        "需要领导批准",
        ("领导批准", "要领导批准", "需要审批", "要请示领导"),
        "对方不想独自承担拍板的责任。",
        "回一句“那你去问你领导”——问题被扔回去，不会有下文。",
        (
            Strategy("帮他准备材料", "替对方备好汇报材料：项目价值与风险、对他们部门的工作量评估、双方的权责边界，并按意见随时修改。"),
            Strategy("联合汇报", "提议一起去见对方领导：你讲项目背景和价值，他讲可行性，领导一次听全。"),
            Strategy("先做试点", "先做一个不需要正式审批的小范围试点，有了效果，对方再去申请也更有底气。"),
        ),
        "rule-5",
    ),
    Obstacle(
        "rules",
        "部门规定",
        ("我们部门有规定", "规定", "制度"),
        "规定确实存在，但可能有灵活空间。",
        "说“规定是死的，人是活的”——等于逼对方违规，让人为难。",
        (
            Strategy("了解规定细节", "先请教规定的具体条款，再看能不能在规定的框架里找到办法。"),
            Strategy("寻找例外条款", "找到规定里的例外或特批条款（例如经部门负责人批准可以特事特办），看项目是否符合。"),
            Strategy("提出替代方案", "规定不变，换一种做法：比如派人到对方部门、在他们的系统里查询，数据不出部门。"),
        ),
        "rule-4",
    ),
    Obstacle(
        "history",
        "上次合作不愉快",
        ("合作不愉快", "上次不愉快", "历史问题", "有过节"),
        "过去合作留下的问题，还在影响今天的合作。",
        "一句“都过去了”轻轻带过——显得不够真诚。",
        (
            Strategy("正面承认问题", "具体说出上次哪里没做好（需求不清反复修改、沟通不及时、事后没有感谢），并真诚道歉。"),
            Strategy("展示改进措施", "拿出这次的改进：需求文档已多轮评审、建立每周同步、设专人对接。"),
            Strategy("从小事开始重建信任", "先合作一件小事，让对方看到变化，做好了再谈大项目。"),
        ),
        "rule-10",
    ),
)

OBSTACLE_CHOICES: dict[str, str] = {
    **{o.label: o.label for o in OBSTACLES},
    **{alias: o.label for o in OBSTACLES for alias in o.aliases},
    **{alias.upper(): o.label for o in OBSTACLES for alias in o.aliases},
}
OBSTACLE_BY_LABEL: dict[str, Obstacle] = {o.label: o for o in OBSTACLES}


@dataclass(frozen=True, slots=True)
class LadderStep:
    """What to do once someone has said no ``refusals`` times (the last step covers any more)."""

    refusals: int
    title: str
    action: str
    topic: str

    def as_dict(self) -> dict[str, object]:
        return {"refusals": self.refusals, "title": self.title, "action": self.action, "topic": self.topic}


LADDER: tuple[LadderStep, ...] = (
    LadderStep(0, "第一次沟通", "带着交换方案去谈，先讲清楚对方能得到什么。", "step-3"),
    LadderStep(1, "被拒一次：弄清真实顾虑", "先别急着再提要求，问清楚对方真正担心什么，下一次针对这个顾虑带着解决方案去谈。", "pitfall-5"),
    LadderStep(2, "被拒两次：寻求第三方支持", "针对顾虑的方案还是没被接受，就请共同的上级等第三方帮忙协调——是请求指导，不是告状。", "step-5"),
    LadderStep(3, "仍然不行：调整策略或启用替代方案", "换一种做法（降低门槛、先做试点、换对接人），或启用资源清单里的备选资源（P2）。", "pitfall-5"),
)


def ladder_step(refusals: int) -> LadderStep:
    return LADDER[min(max(refusals, 0), len(LADDER) - 1)]


@dataclass(frozen=True, slots=True)
class Criterion:
    """One of step 5's reasons to escalate, with the support to ask the decision maker for."""

    id: str
    title: str
    support: str


ESCALATION_CRITERIA: tuple[Criterion, ...] = (
    Criterion("refused", "对方明确拒绝，而且说服不了", "从公司整体的角度帮我们协调一下优先级"),
    Criterion("authority", "涉及跨部门的权限冲突", "明确这部分工作由谁来拍板、各部门的权责怎么划分"),
    Criterion("resources", "需要公司层面调配资源", "从公司层面调配所需的预算或人手"),
)


@dataclass(frozen=True, slots=True)
class Stance:
    label: str
    rank: int
    approach: str


STANCES: tuple[Stance, ...] = (
    Stance("盟友", 0, "先巩固盟友：给他们更多价值，比如邀请他们一起把这件事做成标杆案例。"),
    Stance("可争取", 1, "找准共同利益点，用交换方案把他们争取过来。"),
    Stance("中立", 2, "肯定他们的长处，说明有他们参与影响力会大得多，并在宣传里突出他们的贡献。"),
    Stance("对立", 3, "放到最后：先取得高层支持、请其他部门先表态，再带着大家的支持去谈。"),
)
STANCE_CHOICES = {"盟友": "盟友", "天然盟友": "盟友", "可争取": "可争取", "可争取对象": "可争取", "中立": "中立", "对立": "对立", "反对": "对立"}
STATUSES: tuple[str, ...] = ("未开始", "沟通中", "已同意", "已交付", "受阻")
STATUS_CHOICES = {**{s: s for s in STATUSES}, "进行中": "沟通中", "同意": "已同意", "完成": "已交付", "已完成": "已交付", "阻塞": "受阻"}


@dataclass(frozen=True, slots=True)
class Element:
    id: str
    name: str
    meaning: str
    practice: str
    topic: str


@dataclass(frozen=True, slots=True)
class Capability:
    id: str
    name: str
    english: str
    definition: str
    elements: tuple[Element, Element, Element]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "english": self.english,
            "definition": self.definition,
            "elements": [{"id": e.id, "name": e.name, "meaning": e.meaning, "practice": e.practice, "section": TOPICS[e.topic].section} for e in self.elements],
        }


CAPABILITIES: tuple[Capability, ...] = (
    Capability(
        "influence",
        "非职权影响力",
        "Influence without Authority",
        "手里没有正式权力，也能影响别人行动的能力。",
        (
            Element(
                "influence.expertise",
                "专业能力",
                "让对方信服你的判断",
                "每次找人前先做足功课：带上问题日志、数据和初步方案，而不是只抛出一个问题。",
                "pitfall-2",
            ),
            Element("influence.network", "关系网络", "和各部门建立广泛的信任", "平时就保持联系、主动分享有用的信息，别等到有事才去找人。", "pitfall-4"),
            Element("influence.value", "价值创造", "为对方提供交换价值", "为每个协作部门写出“他们能得到什么”，用价值交换矩阵练一遍。", "step-3"),
        ),
    ),
    Capability(
        "conflict",
        "冲突管理",
        "Conflict Management",
        "识别、理解并化解跨部门利益冲突的能力。",
        (
            Element("conflict.detection", "冲突识别", "提前发现潜在冲突", "项目启动前画出资源地图，标出目标不一致、利益不同、信息不对称的地方。", "roots"),
            Element("conflict.interests", "利益分析", "理解各方的真实诉求", "写下对方部门的 KPI 和顾虑，回答“他们凭什么要配合”。", "step-2"),
            Element("conflict.design", "方案设计", "找到多方共赢的方案", "针对每个顾虑设计一个“给予—获得”的交换方案。", "step-3"),
        ),
    ),
    Capability(
        "negotiation",
        "共赢谈判",
        "Win-Win Negotiation",
        "资源有限时，找到让各方都满意的方案的能力。",
        (
            Element("negotiation.needs", "需求挖掘", "理解对方的真实需求", "被拒绝后先问清真实顾虑，再谈方案。", "pitfall-5"),
            Element("negotiation.options", "方案创造", "设计多个备选方案", "每次提需求都备一个降低门槛的版本：拆分范围、分期、先做试点。", "rule-4"),
            Element("negotiation.tactics", "策略运用", "灵活运用谈判技巧", "把五种障碍的应对话术各练一遍，先从“太忙”和“不在 KPI 里”开始。", "obstacles"),
        ),
    ),
)
ELEMENTS: dict[str, tuple[Capability, Element]] = {e.id: (c, e) for c in CAPABILITIES for e in c.elements}


def as_dict() -> dict[str, object]:
    """Everything above as JSON-able data, for the browser to draw help and links."""
    return {
        "topics": [t.as_dict() for t in TOPICS.values()],
        "archetypes": [a.as_dict() for a in (*ARCHETYPES, GENERIC)],
        "obstacles": [o.as_dict() for o in OBSTACLES],
        "ladder": [step.as_dict() for step in LADDER],
        "escalation": [{"id": c.id, "title": c.title, "support": c.support} for c in ESCALATION_CRITERIA],
        "stances": [{"label": s.label, "approach": s.approach} for s in STANCES],
        "statuses": list(STATUSES),
        "rules": [{"number": n, "text": text, "topic": f"rule-{n}"} for n, text in enumerate(GOLDEN_RULES, 1)],
        "capabilities": [c.as_dict() for c in CAPABILITIES],
    }


def get(request: object) -> dict[str, object]:
    """The ``playbook/get`` action: no data needed."""
    return as_dict()


ACTIONS = {"get": get}
