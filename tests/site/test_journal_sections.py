"""Every reflection question that names its section links to a heading that exists on the built site."""

from __future__ import annotations

from pathlib import Path
from crossdept_site.definitions import read_yaml


WORKSHEETS = Path(__file__).resolve().parents[2] / "worksheets"


def test_every_journal_section_is_a_heading_on_the_built_site(built_site):
    missing = []
    for path in sorted(WORKSHEETS.glob("journal-*.yml")):
        for question in read_yaml(path)["questions"]:
            if "section" not in question:
                continue
            page, _, anchor = question["section"].partition("#")
            html = built_site / page.removesuffix(".md").removesuffix("index").strip("/") / "index.html"
            if not html.is_file() or (anchor and f'id="{anchor}"' not in html.read_text(encoding="utf-8")):
                missing.append(f'{path.stem}.{question["id"]}: {question["section"]}')

    assert missing == []
