"""The exchange script (交换话术), written from the user's own rows.

Its shape follows the course: their situation, what we ask (the resource list's rows for that
department: resource, workload, deadline), what we prepared, what they gain, the project's value,
a lower-threshold first step (from the user's own plan when it has one, else the archetype's), a
small question at their pace. What the user typed is never pasted where it would change voice:
a concern written as the other side's question (``这不在我们的 KPI 里，为什么要配合？``) is said
back as the topic it raises (考核), and an outside partner hears of contracts and terms, not KPIs.
"""

from __future__ import annotations

import datetime as dt
import re

from .archetypes import Archetype
from .others import Ask, format_day
from .placeholders import says_nothing
from .project import Project
from .sheet import items

# Rule 4: something that makes saying yes cheaper — a smaller scope, a phase, a pilot, our own resources.
LOWER_THRESHOLD = (
    "拆",
    "分期",
    "一期",
    "二期",
    "试点",
    "试行",
    "先做",
    "分批",
    "小范围",
    "测试",
    "阶段",
    "外包",
    "我们出",
    "先用",
    "先选",
    "先在",
    "先从",
    "先按",
    "先签",
    "先排",
)
# Words that make a concern someone's own sentence (a question, a first or second person).
_VOICE = (
    "我",
    "咱",
    "你",
    "您",
    "他",
    "她",
    "为什么",
    "凭什么",
    "怎么",
    "吗",
    "呢",
    "吧",
    "？",
    "?",
    "！",
    "!",
    "谁",
    "会不会",
    "能不能",
    "有没有",
    "要不要",
    "是不是",
    "够不够",
    "清不清楚",
    "多少",
    "哪里",
)
# A concern's words → the topic it raises, said in our voice (inside, outside the company).
_TOPICS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("安全", "隐私", "泄露", "保密"), "数据安全和隐私", "数据安全和隐私"),
    (("用在哪里", "用多久", "用途"), "数据的用途和边界", "使用范围和期限"),
    (("合规", "审计", "流程", "审批", "规定", "制度", "比价", "招标", "资质"), "流程和合规要求", "流程和资质要求"),
    (("KPI", "考核", "绩效", "指标"), "这件事在考核上怎么体现", "合作的商务回报"),
    (
        ("忙", "排满", "排期", "时间", "人手", "档期", "讲师", "场地", "工作量", "话务量", "处理时长", "编制", "排班", "占用", "工作", "负担"),
        "人手和排期",
        "时间安排和投入的人力",
    ),
    (("锅", "责任", "边界", "风险", "失败", "做砸", "纠纷", "负责"), "风险和责任的划分", "责任边界"),
    (("预算", "成本", "费用", "钱", "收回", "付款", "保费", "报价", "结算"), "投入和回报", "预算、报价和付款条件"),
    (("合同", "条款", "范围", "验收", "交付", "理赔", "修改次数", "期限"), "范围和验收标准", "合同条款和验收标准"),
    (("满意度", "体验", "留存", "投诉", "接通率"), "客户体验和服务指标", "服务质量"),
    (("业绩", "成交", "线索", "销售"), "业绩和成交", "业务量"),
    (("稳定", "总部"), "系统稳定和手上已有的任务", "交付质量"),
    (("曝光", "价值", "影响力", "展示", "案例", "得到什么", "好处", "帮助"), "这件事能给你们带来什么", "这次合作能带来什么"),
)
_CONCERNS = re.compile(r"[\n；;]+")  # one concern a line: a concern is often a sentence with commas in it
_CLAUSE = re.compile(r"[，,。；;！!？?\n]+")
_END_MARKS = "。．.，,；;：:、！!？? 　"


def _end(text: str) -> str:
    """A user's phrase ready to end a sentence of ours: its own closing marks dropped."""
    return text.strip().rstrip(_END_MARKS).strip()


def has_voice(text: str) -> bool:
    return any(word in text.upper() for word in _VOICE)


def concern_topics(their_needs: str, outside: bool) -> tuple[list[str], bool]:
    """What the concerns are about, in our words: a plain phrase (``数据安全保障``) as written, a
    sentence in someone's voice as its topics. The flag says whether some concern gave no topic."""
    found: list[str] = []
    unread = False
    for concern in (part.strip() for part in _CONCERNS.split(their_needs)):
        if not concern or says_nothing(concern):
            continue
        if not has_voice(concern) and len(concern) <= 30 and not outside:
            found.append(_end(concern))
            continue
        topics = [(far if outside else near) for words, near, far in _TOPICS if any(w in concern.upper() for w in words)]
        if outside and not has_voice(concern) and not topics and "KPI" not in concern.upper() and len(concern) <= 30:
            topics = [_end(concern)]
        found += topics[:2]
        unread = unread or not topics
    return [t for t in dict.fromkeys(found) if t][:3], unread


def lower_option(plan: str) -> str:
    """The first clause of the user's plan that lowers the threshold (``先选5家意愿强的店试点``), or ""."""
    for clause in _CLAUSE.split(plan):
        clause = clause.strip(" 　“”\"'")
        if clause and any(word in clause for word in LOWER_THRESHOLD):
            return clause
    return ""


def ask_phrase(ask: Ask, today: dt.date | None) -> str:
    details = []
    if ask.workload:
        details.append(f"工作量约{ask.workload}")
    if ask.needed_by:
        details.append(f"{format_day(ask.needed_by, today)}前需要")
    return f"{ask.resource}（{'，'.join(details)}）" if details else ask.resource


def _greeting(owner: str, department: str, outside: bool) -> str:
    if owner:
        return f"{owner}，您好。"
    return f"{department}的业务负责人，您好。" if outside else f"{department}负责这件事的同事，您好。"


def exchange_script(
    department: str,
    owner: str,
    their_needs: str,
    i_give: str,
    they_get: str,
    plan: str,
    archetype: Archetype,
    project: Project,
    asks: list[Ask],
    today: dt.date | None,
) -> str:
    """The pitch to one department, from its row in the matrix and its rows in the resource list."""
    outside = archetype.outside
    topics, unread = concern_topics(their_needs, outside)
    if topics:
        concern = f"，也明白你们最在意的是{'、'.join(topics)}"
    elif unread:
        concern = "，你们提出的顾虑我们也认真想过了"
    else:
        concern = ""
    lines = [f"{_greeting(owner, department, outside)}我知道{archetype.acknowledge.format(dept=department)}{concern}。", ""]
    if len(asks) == 1:
        lines += [f"这次想请你们支持的是：{ask_phrase(asks[0], today)}。", ""]
    elif asks:
        lines += ["这次想请你们支持的是：", *(f"- {ask_phrase(a, today)}" for a in asks[:5]), ""]
    gives = [] if says_nothing(i_give) else items(i_give)
    gets = [] if says_nothing(they_get) else items(they_get)
    lines += [
        "为了尽量不给你们添负担，我们提前做了这些准备：",
        *(f"- {g}" for g in gives or [f"〔待补充：你能为对方做什么，例如：{archetype.offers[0]}〕"]),
        "",
        "这次合作对你们来说，也有实实在在的收获：" if outside else f"对{department}来说，这件事也有实实在在的好处：",
        *(f"- {g}" for g in gets or [f"〔待补充：对方能得到什么，例如：{archetype.gains[0]}〕"]),
        "",
    ]
    if project.value and _end(project.value):
        lines += [f"{'“' + project.name + '”' if project.name else '这个项目'}的价值：{_end(project.value)}。", ""]
    idea = "" if says_nothing(plan) or not _end(plan) else f"我们的想法是：{_end(plan)}。"
    first_step = lower_option(plan) if idea else ""
    # "先从“先选5家店试点”开始" says 先 twice; the step reads the same without its own.
    step = _end(first_step[1:] if first_step.startswith("先") and len(first_step) > 2 else first_step)
    question = f"能不能先从“{step}”这一步开始" if step else archetype.ask
    pace = "合同条款和排期，我们可以按你们的流程来谈。" if outside else "时间上按你们的节奏来，我们这边随时配合调整。"
    lines.append(f"{idea}想和您商量：{question}？{pace}")
    return "\n".join(lines)
