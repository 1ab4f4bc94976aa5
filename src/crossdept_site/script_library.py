"""The 话术库: every ``!!! quote "话术：…"`` admonition of the chapters, gathered at build time.

A script is written once, in its chapter; this module reads the chapters' Markdown, finds each
script with the heading it sits under, tags it for filtering (part, department, obstacle, step)
and writes the Markdown of the generated page ``scripts.md``. The page reads well without
JavaScript; the browser's filter and copy buttons rely on these classes and attributes:

- the list: ``.cd-script-library``; each script: ``.cd-script`` with ``data-part``,
  ``data-department``, ``data-obstacle``, ``data-step`` (space-separated tags, possibly empty);
- the script's own words: ``.cd-script-text`` inside it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from pymdownx.slugs import slugify

PAGE = "scripts.md"
TITLE_PREFIX = "话术："

# Chapters in reading order: (page path under docs/, part tag, part label). Pages not yet written
# are simply absent; a chapter page not listed here is gathered after these, under its own title.
PARTS: tuple[tuple[str, str, str], ...] = (
    ("day48/index.md", "day48-1", "Day 48 第一部分：跨部门沟通全景与挑战"),
    ("day48/pitfalls.md", "day48-1", "Day 48 第一部分：跨部门沟通全景与挑战"),
    ("day48/capabilities.md", "day48-1", "Day 48 第一部分：跨部门沟通全景与挑战"),
    ("day48/influence-theory.md", "day48-2", "Day 48 第二部分：非职权影响力（上）"),
    ("day48/influence-practice.md", "day48-3", "Day 48 第三部分：非职权影响力（下）"),
    ("day48/conflict-theory.md", "day48-4", "Day 48 第四部分：冲突管理的艺术（上）"),
    ("day48/conflict-practice.md", "day48-5", "Day 48 第五部分：冲突管理的艺术（下）"),
    ("day48/negotiation-method.md", "day48-6", "Day 48 第六部分：共赢谈判（上）"),
    ("day48/negotiation-cases.md", "day48-7", "Day 48 第七部分：共赢谈判（下）"),
    ("day48/capstone.md", "day48-8", "Day 48 第八部分：综合实战演练"),
    ("kp325/index.md", "kp325", "知识点 3.2.5：跨部门资源协调"),
    ("kp325/six-steps.md", "kp325", "知识点 3.2.5：跨部门资源协调"),
    ("kp325/obstacles.md", "kp325", "知识点 3.2.5：跨部门资源协调"),
    ("kp325/toolkit.md", "kp325", "知识点 3.2.5：跨部门资源协调"),
)

# Tag → words that mark it in a script's title, the heading above it or the page (first match wins
# nothing: every matching tag is kept, so a script to IT about data carries both).
DEPARTMENTS = {
    "IT": ("IT", "系统"),
    "数据": ("数据",),
    "市场": ("市场",),
    "财务": ("财务", "费用", "赔付", "报销"),
    "培训": ("培训",),
    "法务": ("法务",),
    "上级": ("CEO", "上级", "决策层"),
}
OBSTACLES = {
    "太忙": ("太忙", "obstacle-busy", "排不出", "排期"),
    "不在KPI": ("KPI", "obstacle-kpi"),
    "需要领导批准": ("领导批准", "obstacle-approval"),
    "部门规定": ("规定", "obstacle-rules"),
    "上次合作不愉快": ("不愉快", "obstacle-history", "重建信任"),
}
# Six-step method: a heading id step-N on kp325/six-steps.md marks the step.
_STEP_ID = re.compile(r"^step-(\d)$")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([\w-]+)[^}]*\})?\s*#*\s*$")
_QUOTE = re.compile(r'^(?P<indent>[ \t]*)!!!\s+quote\s+"' + TITLE_PREFIX + r'(?P<title>[^"]*)"\s*$')
_FENCE = re.compile(r"^\s*(```|~~~)")
_slug = slugify(case="lower")


@dataclass(frozen=True, slots=True)
class Script:
    """One script as its chapter has it."""

    page: str  # path under docs/, e.g. "kp325/obstacles.md"
    part: str  # part tag, e.g. "day48-1" or "kp325"
    part_label: str
    heading: str  # text of the heading it sits under ("" at the top of a page)
    anchor: str  # that heading's id ("" at the top of a page)
    title: str  # the admonition's title without "话术："
    text: str  # the body, dedented Markdown
    departments: tuple[str, ...]
    obstacles: tuple[str, ...]
    steps: tuple[str, ...]


def _dedent(lines: list[str], width: int) -> str:
    body = [line[width:] if line[:width].strip() == "" else line.lstrip() for line in lines]
    while body and not body[-1].strip():
        body.pop()
    while body and not body[0].strip():
        body.pop(0)
    return "\n".join(body)


def _indent_width(line: str) -> int:
    spaced = line.expandtabs(4)
    return len(spaced) - len(spaced.lstrip())


def _tags(table: dict[str, tuple[str, ...]], *texts: str) -> tuple[str, ...]:
    return tuple(tag for tag, words in table.items() if any(w in t for w in words for t in texts))


def find_scripts(page: str, markdown: str, part: str = "", part_label: str = "") -> list[Script]:
    """Every ``!!! quote "话术：…"`` in one page's Markdown, in page order, with its heading."""
    lines = markdown.splitlines()
    scripts: list[Script] = []
    heading, anchor, seen_ids = "", "", {}
    outline: dict[int, tuple[str, str]] = {}  # level → (text, id) of the headings the script sits under
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (m := _HEADING.match(line)) and len(m.group(1)) > 1:
            heading = m.group(2).strip()
            anchor = m.group(3) or _slug(heading, "-")
            # toc makes repeated ids unique as id_1, id_2 …; follow it so links land.
            count = seen_ids.get(anchor, 0)
            seen_ids[anchor] = count + 1
            anchor = anchor if count == 0 else f"{anchor}_{count}"
            level = len(m.group(1))
            outline = {k: v for k, v in outline.items() if k < level} | {level: (heading, anchor)}
        elif not in_fence and (q := _QUOTE.match(line)):
            base = _indent_width(line)
            body: list[str] = []
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or _indent_width(lines[j]) > base):
                body.append(lines[j])
                j += 1
            title = q.group("title").strip()
            text = _dedent(body, base + 4)
            texts = [title] + [text for text, _ in outline.values()]
            ids = [a for _, a in outline.values()]
            scripts.append(
                Script(
                    page=page,
                    part=part,
                    part_label=part_label,
                    heading=heading,
                    anchor=anchor,
                    title=title,
                    text=text,
                    departments=_tags(DEPARTMENTS, *texts),
                    obstacles=_tags(OBSTACLES, *texts, *ids),
                    steps=tuple(f"第{m.group(1)}步" for a in ids if page == "kp325/six-steps.md" and (m := _STEP_ID.match(a))),
                )
            )
            i = j
            continue
        i += 1
    return scripts


def collect(pages: Iterable[tuple[str, str]]) -> list[Script]:
    """Scripts of all chapter pages ``(path under docs/, markdown)``, in course order."""
    by_page = dict(pages)
    known = {path for path, _, _ in PARTS}
    order = [(path, part, label) for path, part, label in PARTS if path in by_page]
    order += [(path, "other", "其他页面") for path in sorted(by_page) if path not in known and path != PAGE]
    return [s for path, part, label in order for s in find_scripts(path, by_page[path], part, label)]


def _attr(tags: Iterable[str]) -> str:
    return html.escape(" ".join(tags), quote=True)


def render(scripts: list[Script]) -> str:
    """The Markdown of ``scripts.md``: scripts grouped by part, each linking back to its section."""
    out = [
        "---",
        "# Each script is already indexed on its own chapter page; listing it twice would crowd search results.",
        "search:",
        "  exclude: true",
        "---",
        "",
        "# 话术库",
        "",
        f"课程里的每一段话术都收在这里，共 **{len(scripts)}** 段，按所在部分排列。每段都标明出自哪一节，"
        "点“出自”的链接可以回到原文，看它用在什么场景、前后怎么接。话术只写在各章里，这一页在生成网站时自动汇总，"
        "章节改了，这里也跟着变。",
        "",
        '!!! tip "怎么用"',
        "    - 照抄不如改写：把里面的部门、数字和时间换成你项目里的，再读一遍，像不像你会说的话。",
        "    - 按部门（IT、数据、市场、财务、培训……）、障碍、六步法的步骤或课程部分筛选，只看眼下用得上的几段。",
        "",
        '<div class="cd-script-library" markdown>',
        "",
    ]
    part = None
    for s in scripts:
        if s.part_label != part:
            part = s.part_label
            out += [f"## {part}", ""]
        link = s.page + (f"#{s.anchor}" if s.anchor else "")
        source = re.sub(r"([\[\]*_`])", r"\\\1", s.heading or s.part_label)
        out += [
            f'<div class="cd-script" data-part="{_attr([s.part])}" data-department="{_attr(s.departments)}" '
            f'data-obstacle="{_attr(s.obstacles)}" data-step="{_attr(s.steps)}" markdown>',
            "",
            f"**{html.escape(s.title)}**",
            "",
            f'<p class="cd-script-source" markdown>出自：[{source}]({link})</p>',
            "",
            '<div class="cd-script-text" markdown>',
            "",
            s.text,
            "",
            "</div>",
            "</div>",
            "",
        ]
    out += ["</div>", ""]
    return "\n".join(out)


def library_file(files: Files, config: MkDocsConfig) -> File:
    """The generated ``scripts.md`` over the chapters among ``files``."""
    pages = [(f.src_uri, f.content_string) for f in files.documentation_pages() if f.src_uri != PAGE]
    return File.generated(config, PAGE, content=render(collect(pages)))
