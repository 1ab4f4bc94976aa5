"""What the course teaches about conflict (Day 48, parts 4–5), as data the conflict worksheet reasons with.

- **Five types of conflict**: Christopher W. Moore's *Circle of Conflict* (*The Mediation Process*,
  1986; 4th ed. 2014) — value, interest, data, structural and relationship conflicts — named the way
  an after-sales team meets them (目标 / 利益 / 信息 / 职责 / 关系). Each type has the keywords
  that suggest it and the first move Moore's model prescribes for it. The course chapter of part 4
  follows this set; ``conflict/types`` hands it to pages and tests.
- **Five modes**: Kenneth W. Thomas and Ralph H. Kilmann's conflict-mode model (TKI, 1974): two axes,
  assertiveness (how much the outcome matters to me) and cooperativeness (how much the relationship
  matters), and the five modes placed on them.
- **Five steps to resolve one** (part 5), in the order of Fisher and Ury's principled negotiation
  (*Getting to Yes*, 1981): separate the people from the problem, state facts, look for the
  interests behind positions, invent options judged by objective criteria, agree and follow up.
"""

from __future__ import annotations

from dataclasses import dataclass

IMPORTANCE = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class ConflictType:
    id: str
    name: str
    source: str  # Moore's name for it
    description: str
    keywords: tuple[str, ...]
    example: str
    first_move: str
    topic: str

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "source": self.source,
            "description": self.description,
            "keywords": list(self.keywords),
            "example": self.example,
            "first_move": self.first_move,
            "topic": self.topic,
        }


CONFLICT_TYPES: tuple[ConflictType, ...] = (
    ConflictType(
        "goals",
        "目标冲突",
        "Value conflict（价值冲突）",
        "各部门被考核的目标不同，判断轻重缓急的标准也不同，都觉得自己的事更要紧。",
        ("目标", "优先级", "排期", "排不上", "总部", "重点", "不紧急", "轻重", "先做", "战略", "方向"),
        "运营要优化预约系统，IT 要先完成总部下达的新功能开发。",
        "找到双方都认的上层目标（客户、公司整体），用它来排先后。",
        "root-goals",
    ),
    ConflictType(
        "interests",
        "利益冲突",
        "Interest conflict（利益冲突）",
        "争的是同一份预算、人手或时间，或者收益和成本落在不同部门的账上。",
        ("预算", "费用", "钱", "人手", "资源", "KPI", "成本", "额度", "收入", "算在", "功劳", "工作量", "绩效"),
        "保养节的收入算运营的，20 万物料预算却要花市场部的钱。",
        "别在立场上拉锯，先弄清各自的利益，再把蛋糕做大、设计交换。",
        "root-interests",
    ),
    ConflictType(
        "information",
        "信息冲突",
        "Data conflict（数据冲突）",
        "双方掌握的信息不一样，或对同一件事、同一组数据理解不同。",
        ("不知道", "不了解", "不理解", "误会", "误解", "数据", "口径", "不清楚", "没说清", "信息", "以为", "理解不同"),
        "运营不了解财务的审计风险，财务不了解门店投诉的紧急程度。",
        "先把事实摆上桌：互通信息，约定用哪些数据、按什么口径来判断。",
        "root-information",
    ),
    ConflictType(
        "structure",
        "职责冲突",
        "Structural conflict（结构冲突）",
        "冲突来自分工、权限和流程：谁负责、谁审批、规定怎么走，与具体的人无关。",
        ("流程", "审批", "职责", "权限", "权责", "谁负责", "归属", "规定", "制度", "分工", "推诿", "边界", "签字"),
        "数据部门要先走法务审批，时间未知；紧急赔付要总监签字，最快 3 天。",
        "厘清权责和流程：找规定里的灵活空间，必要时请能拍板的人明确分工。",
        "step-5",
    ),
    ConflictType(
        "relationship",
        "关系冲突",
        "Relationship conflict（关系冲突）",
        "情绪、成见和过去不愉快的合作，让双方很难就事论事。",
        ("不愉快", "情绪", "吵", "态度", "不信任", "过节", "甩锅", "指责", "上次", "生气", "翻脸", "抱怨", "看不惯"),
        "上次合作需求反复修改、事后没有感谢，这次对方一听就推。",
        "先处理情绪再处理事情：正面承认过去的问题，从一件小事重建信任。",
        "obstacle-history",
    ),
)
TYPE_BY_ID = {t.id: t for t in CONFLICT_TYPES}
TYPE_CHOICES: dict[str, str] = {
    **{t.id: t.id for t in CONFLICT_TYPES},
    **{t.name: t.id for t in CONFLICT_TYPES},
    **{t.name.removesuffix("冲突"): t.id for t in CONFLICT_TYPES},
    "价值冲突": "goals",
    "资源冲突": "interests",
    "数据冲突": "information",
    "认知冲突": "information",
    "流程冲突": "structure",
    "结构冲突": "structure",
    "情绪冲突": "relationship",
}


def suggest_type(text: str) -> tuple[ConflictType | None, list[str]]:
    """The type whose keywords appear most often in ``text`` (the first listed on a tie), and those words."""
    upper = text.upper()
    best, best_words = None, []
    for kind in CONFLICT_TYPES:
        words = [w for w in kind.keywords if w.upper() in upper]
        if len(words) > len(best_words):
            best, best_words = kind, words
    return best, best_words


@dataclass(frozen=True, slots=True)
class Mode:
    id: str
    name: str
    english: str
    assertiveness: int  # 1 (low) … 5 (high), the mode's place on the TKI grid
    cooperativeness: int
    stance: str
    when: str
    risk: str

    @property
    def display(self) -> str:
        return f"{self.name}（{self.english}）"

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "english": self.english,
            "assertiveness": self.assertiveness,
            "cooperativeness": self.cooperativeness,
            "stance": self.stance,
            "when": self.when,
            "risk": self.risk,
        }


MODES: tuple[Mode, ...] = (
    Mode(
        "competing",
        "竞争",
        "Competing",
        5,
        1,
        "坚持自己的方案，用职权、规则或事实快速定下来。",
        "情况紧急必须马上决定、涉及安全合规等底线，而且你有权决定。",
        "伤关系；没有职权时硬争只会碰壁。",
    ),
    Mode(
        "collaborating",
        "合作",
        "Collaborating",
        5,
        5,
        "把双方的关切都摆上桌，一起找兼顾两边的方案。",
        "结果和关系都很重要、以后还要长期合作，而且有时间谈。",
        "费时间，双方都要投入。",
    ),
    Mode(
        "compromising",
        "妥协",
        "Compromising",
        3,
        3,
        "各让一步，找一个双方都能接受的中间方案。",
        "目标中等重要、时间紧需要先解决眼前，或双方实力相当、僵持不下。",
        "双方都不完全满意，根本问题可能还在。",
    ),
    Mode(
        "avoiding",
        "回避",
        "Avoiding",
        1,
        1,
        "暂时不处理，先放一放，或交给更合适的人。",
        "这是件小事、双方情绪太激动需要冷却，或信息不够要先收集。",
        "问题可能越拖越大。",
    ),
    Mode(
        "accommodating",
        "迁就",
        "Accommodating",
        1,
        5,
        "这一次成全对方，把对方的关切放在前面。",
        "这件事对对方比对你重要得多、想为以后积累人情，或发现自己确实错了。",
        "一再迁就，自己的目标会受损。",
    ),
)
MODE_BY_ID = {m.id: m for m in MODES}
# When another mode fits better than the one recommended: (the other mode, the situation).
ALTERNATIVES: dict[str, tuple[tuple[str, str], ...]] = {
    "competing": (("collaborating", "紧急情况一过，就约对方复盘，一起找长期的办法"), ("compromising", "如果你其实没有决定权，硬争不如先各让一步")),
    "collaborating": (
        ("compromising", "时间不够，或谈了两轮仍然僵持时，先各让一步解决眼前"),
        ("accommodating", "如果发现这件事对对方比对你重要得多，可以这次成全对方"),
    ),
    "compromising": (
        ("collaborating", "如果双方都有时间，而且这个问题以后还会反复出现，值得一起找根本的方案"),
        ("competing", "如果涉及安全、合规等底线，不能折中，要请有权的人拍板"),
    ),
    "avoiding": (("collaborating", "如果同样的问题反复出现，就不能再放，要约对方谈"), ("accommodating", "如果对方很在意而你无所谓，顺手成全对方也是积累人情")),
    "accommodating": (("collaborating", "如果发现这件事对你也很重要，就改为一起找方案"), ("avoiding", "如果这件事确实是小事，也可以先放一放")),
}
_LEVEL = {1: "很低", 2: "较低", 3: "中等", 4: "较高", 5: "很高"}


def base_mode(outcome: int, relationship: int) -> tuple[Mode, str]:
    """The TKI mode for outcome × relationship importance (1–5 each) and why.

    Four corners (4–5 is high, 1–2 low) take their mode; the middle takes 妥协. Where one concern is at
    its extreme and the other in the middle, the extreme one decides: an outcome of 5 with a middling
    relationship is still worth working out together (合作); an outcome of 1 is conceded (迁就)."""
    o, r = f"结果对你的重要性{_LEVEL[outcome]}（{outcome}/5）", f"关系的重要性{_LEVEL[relationship]}（{relationship}/5）"
    high_o, low_o, high_r, low_r = outcome >= 4, outcome <= 2, relationship >= 4, relationship <= 2
    if high_o and high_r:
        return MODE_BY_ID["collaborating"], f"{o}，{r}：两头都不能丢，值得花时间一起找兼顾两边的方案。"
    if high_o and low_r:
        return MODE_BY_ID["competing"], f"{o}，{r}：可以坚持自己的方案，但要讲事实、讲规则，不伤人。"
    if low_o and high_r:
        return MODE_BY_ID["accommodating"], f"{o}，{r}：这次成全对方，换来的信任以后用得上。"
    if low_o and low_r:
        return MODE_BY_ID["avoiding"], f"{o}，{r}：不值得投入精力去争，先放一放。"
    if outcome == 5 or relationship == 5:
        return MODE_BY_ID["collaborating"], f"{o}，{r}：有一头非常重要，不能靠折中打发，值得一起找方案。"
    if outcome == 1:
        return MODE_BY_ID["accommodating"], f"{o}，{r}：结果对你几乎无所谓，让一步换对方的好感。"
    return MODE_BY_ID["compromising"], f"{o}，{r}：值得争取但不值得僵持，找一个双方都能接受的中间方案。"


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    title: str
    purpose: str

    def as_dict(self) -> dict[str, object]:
        return {"number": self.number, "title": self.title, "purpose": self.purpose}


RESOLUTION_STEPS: tuple[Step, ...] = (
    Step(1, "稳住情绪，约一次面谈", "把人和事分开：先处理情绪，约一个双方都方便的时间，只谈事情。"),
    Step(2, "摆出事实和各自的立场", "不指责、不贴标签，用事实和数据说清楚发生了什么、双方各想要什么。"),
    Step(3, "挖出立场背后的利益", "问“为什么”：双方真正在意的是什么，哪些利益是共同的。"),
    Step(4, "一起设计方案", "针对双方的利益多想几个方案，用客观标准来挑，按建议的处理方式推进。"),
    Step(5, "达成共识并跟进", "写下谁、在什么时间、做什么，约好跟进的时间；满足升级条件时请上级协调。"),
)


def as_dict() -> dict[str, object]:
    """The ``conflict/types`` result: everything above, for pages and tests."""
    return {
        "types": [t.as_dict() for t in CONFLICT_TYPES],
        "modes": [m.as_dict() for m in MODES],
        "steps": [s.as_dict() for s in RESOLUTION_STEPS],
        "sources": {
            "types": "Christopher W. Moore, The Mediation Process（冲突圈 Circle of Conflict）",
            "modes": "Kenneth W. Thomas & Ralph H. Kilmann, Thomas–Kilmann Conflict Mode Instrument",
            "steps": "Roger Fisher & William Ury, Getting to Yes（原则谈判）",
        },
    }
