"""价值交换矩阵 — steps 2–3 (WIIFM): for each department, what they worry about, what I give, what they get.

Request data: ``{"rows": [{"department", "owner", "their_needs", "i_give", "they_get", "plan"}],
"project"?: {"name", "value"}}``. Rows may be pre-filled from the resource plan's ``departments``
(``department`` and ``owners[0]``) or from ``workbook/departments``.

Result: ``rows`` (request order, each with ``row``, ``archetype``, ``suggestions`` = {concerns,
offers, gains, ask} from the department's archetype or the generic WIIFM questions, and ``script``,
the exchange pitch addressed to the owner) and ``flags``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .archetypes import GENERIC, Archetype, match_archetype
from .exports import Section, Table, exporter
from .fields import Reader
from .flags import Flag, ordered
from .others import Ask, asks_of, read_asks
from .placeholders import is_placeholder, is_thanks_only, same, says_nothing
from .project import Project, read_project
from .request import Request
from .scripts import LOWER_THRESHOLD, exchange_script
from .sheet import filled_rows

LABELS = {
    "department": "协作部门",
    "owner": "关键人",
    "their_needs": "他们的需求",
    "i_give": "我能给予",
    "they_get": "对方获得",
    "plan": "交换方案",
}
_QUANTIFIED = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|元|倍|%|％|个客户|位客户|个新客|名|人|分)")
# A concern named in "their needs" → words that show the offer answers it, and a hint when none does.
_CONCERNS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...] = (
    ("安全", ("安全", "隐私", "合规", "泄露", "保密"), ("协议", "审计", "销毁", "脱敏", "不出", "权限", "范围", "保密"), "使用协议、访问审计、到期销毁"),
    (
        "时间",
        ("忙", "时间", "排期", "人手", "工作量"),
        ("拆", "分期", "一期", "二期", "专人", "文档", "外包", "预算", "试点", "整理", "分批", "减少", "先"),
        "拆分需求、专人对接、由我们出资源",
    ),
    ("KPI", ("KPI", "考核", "绩效", "业绩"), ("KPI", "考核", "绩效", "业绩", "计入", "表彰", "曝光", "线索"), "计入考核、公开表彰"),
    ("责任", ("背锅", "责任", "风险"), ("风险", "责任", "权责", "承担", "兜底", "试点", "协议"), "写清权责、先做试点"),
    ("预算", ("预算", "成本", "费用", "钱"), ("ROI", "回报", "产出", "预算", "分期", "测试", "万", "倍"), "投入产出测算、分期执行"),
    ("价值", ("曝光", "价值", "影响力", "展示"), ("曝光", "表彰", "汇报", "案例", "标杆", "感谢", "展示", "突出"), "汇报中突出他们的贡献、做成标杆案例"),
)


@dataclass(frozen=True, slots=True)
class Partner:
    index: int
    department: str
    owner: str
    their_needs: str
    i_give: str
    they_get: str
    plan: str


def read_partner(index: int, row: Reader) -> Partner:
    department = row.text("department", LABELS["department"], required=True, limit=100)
    owner = row.text("owner", LABELS["owner"], limit=100)
    their_needs, i_give, they_get, plan = (row.text(k, LABELS[k], limit=2000) for k in ("their_needs", "i_give", "they_get", "plan"))
    return Partner(index, department, owner, their_needs, i_give, they_get, plan)


def read(request: Request) -> tuple[Project, list[Partner]]:
    reader = Reader(request.data)
    project = read_project(reader)
    partners = [read_partner(i, row) for i, row in filled_rows(reader, LABELS)]
    reader.check()
    return project, partners


def script(p: Partner, archetype: Archetype, project: Project, asks: list[Ask], today: dt.date | None) -> str:
    """The exchange pitch to one department (see ``scripts``), naming what the resource list asks of it."""
    return exchange_script(p.department, p.owner, p.their_needs, p.i_give, p.they_get, p.plan, archetype, project, asks_of(asks, p.department), today)


def _has(text: str, words: tuple[str, ...]) -> bool:
    upper = text.upper()
    return any(word.upper() in upper for word in words)


def _exchange_flags(p: Partner, archetype: Archetype) -> list[Flag]:
    """A give and a get that each say something, and not the same thing: otherwise it is not an exchange."""
    flags, i, dept = [], p.index, p.department
    offer, gain = archetype.offers[0], archetype.gains[0]
    if not p.i_give:
        flags.append(Flag("no_give", i, "warning", f"对{dept}只有索取、没有给予，就成了求人帮忙：写下你能为他们做什么，例如“{offer}”。", "rule-1"))
    elif is_placeholder(p.i_give):
        flags.append(
            Flag(
                "placeholder_give",
                i,
                "warning",
                f"对{dept}的“我能给予”写的是“{p.i_give}”，等于没有给予，就成了求人帮忙：写下你能为他们做什么，例如“{offer}”。",
                "rule-1",
            )
        )
    elif is_thanks_only(p.i_give):
        flags.append(
            Flag(
                "thanks_only_give",
                i,
                "warning",
                f"对{dept}的“我能给予”只有一句“{p.i_give}”：感谢本来就该说，它不是交换；写下你能实际为他们做的事，例如“{offer}”。",
                "rule-1",
            )
        )
    if not p.they_get:
        flags.append(Flag("no_get", i, "warning", f"还没写{dept}能得到什么：每个部门都在问“对我有什么好处”，例如“{gain}”。", "rule-2"))
    elif is_placeholder(p.they_get):
        flags.append(
            Flag(
                "placeholder_get",
                i,
                "warning",
                f"{dept}的“对方获得”写的是“{p.they_get}”：每个部门都在问“对我有什么好处”，请写下实实在在的好处，例如“{gain}”。",
                "rule-2",
            )
        )
    elif is_thanks_only(p.they_get):
        flags.append(
            Flag(
                "thanks_only_get",
                i,
                "warning",
                f"{dept}的“对方获得”只有一句“{p.they_get}”：感谢要说，但它不是对方得到的好处；写下能计入考核、带来曝光或减轻工作量的东西，例如“{gain}”。",
                "rule-2",
            )
        )
    if same(p.i_give, p.they_get) and not says_nothing(p.i_give):
        flags.append(
            Flag(
                "give_equals_get",
                i,
                "warning",
                f"{dept}这一行的“我能给予”和“对方获得”写的是同一件事（“{p.i_give}”）：给予是你付出的，获得是对方因此得到的好处，两栏要分开想。",
                "rule-1",
            )
        )
    return flags


def _row_flags(p: Partner, archetype: Archetype) -> list[Flag]:
    flags, i, dept = _exchange_flags(p, archetype), p.index, p.department
    if not p.their_needs:
        flags.append(Flag("no_needs", i, "info", f"先站在{dept}的角度想一想他们在意什么，例如“{archetype.concerns[0]}”。", "step-2"))
    elif is_placeholder(p.their_needs):
        flags.append(
            Flag(
                "placeholder_needs",
                i,
                "info",
                f"{dept}的“他们的需求”写的是“{p.their_needs}”：每个部门都有自己在意的事，先站在他们的角度想一想，例如“{archetype.concerns[0]}”。",
                "step-2",
            )
        )
    else:
        given = [t for t in (p.i_give, p.they_get, p.plan) if not says_nothing(t)]
        answer = " ".join(given)
        for name, asks, answers, hint in _CONCERNS:
            if _has(p.their_needs, asks) and given and not _has(answer, answers):
                flags.append(Flag("concern_unanswered", i, "info", f"{dept}在意“{name}”，但给予和交换方案里还没有回应这一点：可以考虑{hint}。", "step-3"))
                break
    if not p.owner:
        flags.append(Flag("no_owner", i, "info", f"还没写{dept}的关键人：话术要说给一个具体的人听。", "step-1"))
    if archetype.outside and _has(" ".join((p.i_give, p.they_get, p.plan)), ("KPI", "考核", "绩效")):
        flags.append(
            Flag("kpi_to_partner", i, "info", f"{dept}是公司外部的合作方，我们的 KPI 和考核对他们没有意义：和他们谈合同、付款、业务量和后续合作。", "step-2")
        )
    return flags


def _matrix_flags(partners: list[Partner], project: Project) -> list[Flag]:
    if not partners:
        return []
    flags = []
    offered = " ".join(t for p in partners for t in (p.i_give, p.they_get, p.plan) if not says_nothing(t))
    if not _has(offered, LOWER_THRESHOLD):
        flags.append(
            Flag(
                "no_lower_threshold",
                None,
                "warning",
                "还没有哪一行降低了对方的门槛：降低门槛比加大回报更管用，试试拆分范围、分期做、先做试点，或由我们出资源。",
                "rule-4",
            )
        )
    if not project.value and not _QUANTIFIED.search(" ".join((offered, " ".join(p.their_needs for p in partners)))):
        flags.append(
            Flag(
                "no_quantified_value",
                None,
                "info",
                "矩阵里还没有一个数字：把价值算出来（每月流失客户 × 12 × 客户年价值，或投入产出比），对方才看得到分量。",
                "logic-2",
            )
        )
    return flags


def analyze(request: Request) -> tuple[Project, dict[str, object]]:
    project, partners = read(request)
    asks = read_asks(request.data.get("resources"), request.today)
    rows, flags = [], []
    for p in partners:
        archetype = match_archetype(p.department)
        known = archetype or GENERIC
        rows.append(
            {
                "row": p.index,
                "department": p.department,
                "owner": p.owner,
                "their_needs": p.their_needs,
                "i_give": p.i_give,
                "they_get": p.they_get,
                "plan": p.plan,
                "archetype": {"id": known.id, "name": known.name, "outside": known.outside},
                "suggestions": {"concerns": list(known.concerns), "offers": list(known.offers), "gains": list(known.gains), "ask": known.ask},
                "script": script(p, known, project, asks, request.today),
                "asks": [a.index for a in asks_of(asks, p.department)],
            }
        )
        flags += _row_flags(p, known)
    flags += _matrix_flags(partners, project)
    return project, {"rows": rows, "flags": ordered(flags)}


def analyze_action(request: Request) -> dict[str, object]:
    return analyze(request)[1]


def table(request: Request) -> Table:
    project, result = analyze(request)
    columns = ("协作部门", "关键人", "他们的需求", "我能给予", "对方获得", "交换方案", "交换话术")
    rows = tuple((r["department"], r["owner"], r["their_needs"], r["i_give"], r["they_get"], r["plan"], r["script"]) for r in result["rows"])
    sections = tuple(Section(f"交换话术：{r['department']}", r["script"]) for r in result["rows"])
    notes = tuple(f["message"] for f in result["flags"])
    return Table("价值交换矩阵", columns, rows, notes, sections, project.name, csv_only_columns=1)


ACTIONS = {"analyze": analyze_action, "export": exporter(table, "价值交换矩阵")}
