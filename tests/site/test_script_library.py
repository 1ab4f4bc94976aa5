"""The 话术库 page: every script of the chapters, once, tagged for filtering, linked to its section."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from crossdept_site.script_library import collect, find_scripts, render

DOCS = Path(__file__).resolve().parents[2] / "docs"
QUOTE = re.compile(r'^\s*!!!\s+quote\s+"话术：([^"]*)"', re.MULTILINE)

PAGE = """# 标题

## 障碍 1：“我太忙了” { #obstacle-busy }

!!! example "案例"
    小李去找 IT。

    !!! quote "话术：找 IT 拆分需求"
        「我们先把需求拆开：

        - 必需功能 2 周；
        - 增强功能放二期。」

    后面是案例的正文，不属于话术。

```markdown
!!! quote "话术：代码块里的示例"
    不算
```

## 小结

!!! quote "话术：向财务申请紧急赔付"
    「麻烦您看一下。」
"""


def test_scripts_are_found_with_their_heading_and_dedented_text_and_code_blocks_are_skipped():
    scripts = find_scripts("kp325/obstacles.md", PAGE, "kp325", "知识点 3.2.5")

    assert [s.title for s in scripts] == ["找 IT 拆分需求", "向财务申请紧急赔付"]
    first = scripts[0]
    assert (first.heading, first.anchor) == ("障碍 1：“我太忙了”", "obstacle-busy")
    assert first.text == "「我们先把需求拆开：\n\n- 必需功能 2 周；\n- 增强功能放二期。」"
    assert (first.departments, first.obstacles) == (("IT",), ("太忙",))
    assert scripts[1].anchor == "小结"
    assert scripts[1].departments == ("财务",)


def test_a_repeated_heading_links_to_the_id_the_table_of_contents_gives_it():
    page = '## 示例\n\n!!! quote "话术：一"\n    甲\n\n## 示例\n\n!!! quote "话术：二"\n    乙\n'

    assert [s.anchor for s in find_scripts("day48/x.md", page)] == ["示例", "示例_1"]


def test_six_step_scripts_carry_their_step():
    page = '## 第 4 步：建立联盟 { #step-4 }\n\n### 第二招：争取中立者\n\n!!! quote "话术：对市场部门"\n    「……」\n'

    (script,) = find_scripts("kp325/six-steps.md", page)

    assert script.steps == ("第4步",)
    assert (script.heading, script.anchor) == ("第二招：争取中立者", "第二招争取中立者")


def test_pages_are_gathered_in_course_order_and_unknown_pages_last():
    pages = [("zz/new.md", '!!! quote "话术：新"\n    x\n'), ("kp325/obstacles.md", PAGE), ("day48/index.md", '!!! quote "话术：旧"\n    y\n')]

    assert [s.title for s in collect(pages)] == ["旧", "找 IT 拆分需求", "向财务申请紧急赔付", "新"]


def test_the_page_text_cannot_open_html_through_a_title():
    page = '## 节\n\n!!! quote "话术：<b>加粗</b>"\n    x\n'

    assert "<b>" not in render(find_scripts("day48/index.md", page))


class _Library(HTMLParser):
    """The scripts of the built page: attributes, title, source link and text of each."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict] = []
        self.depth = 0  # open divs inside the current .cd-script
        self.field: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "div" and "cd-script" in classes:
            self.items.append({**attrs, "title": "", "href": "", "text": ""})
            self.depth = 1
            return
        if not self.depth:
            return
        if tag == "div":
            self.depth += 1
            if "cd-script-text" in classes:
                self.field = "text"
        elif tag == "strong" and not self.items[-1]["title"]:
            self.field = "title"
        elif tag == "a" and not self.items[-1]["href"]:
            self.items[-1]["href"] = attrs.get("href", "")

    def handle_endtag(self, tag):
        if tag == "strong" and self.field == "title":
            self.field = None
        if tag == "div" and self.depth:
            self.depth -= 1
            if self.field == "text" and self.depth == 1:
                self.field = None

    def handle_data(self, data):
        if self.depth and self.field:
            self.items[-1][self.field] += data


def _library(built_site: Path) -> list[dict]:
    parser = _Library()
    parser.feed((built_site / "scripts/index.html").read_text(encoding="utf-8"))
    return parser.items


def test_every_script_of_the_chapters_is_in_the_library_once_and_nothing_else(built_site):
    in_chapters = sorted(title for page in DOCS.rglob("*.md") for title in QUOTE.findall(page.read_text(encoding="utf-8")))

    items = _library(built_site)

    assert in_chapters, "the chapters hold scripts"
    assert sorted(item["title"] for item in items) == in_chapters
    assert all(item["text"].strip() for item in items)


def test_every_script_carries_its_filter_tags_and_links_to_a_section_that_exists(built_site):
    items = _library(built_site)

    for item in items:
        assert {"data-part", "data-department", "data-obstacle", "data-step"} <= item.keys()
        page, _, anchor = item["href"].partition("#")
        target = (built_site / "scripts" / page / "index.html").resolve()
        assert target.is_file(), item["href"]
        if anchor:
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), item["href"]
    assert {i["data-part"] for i in items} >= {"day48-1", "kp325"}
    assert any("IT" in i["data-department"].split() for i in items)
    assert any("太忙" in i["data-obstacle"].split() for i in items)
    assert any("第3步" in i["data-step"].split() for i in items)


def test_the_library_is_in_the_nav_and_kept_out_of_search(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    index = (built_site / "search/search_index.json").read_text(encoding="utf-8")

    assert 'href="scripts/"' in home
    assert '"location":"scripts/' not in index.replace(" ", "")
