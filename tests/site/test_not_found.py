"""The 404 page speaks Chinese and its links work from whatever missing path it is served for."""

from __future__ import annotations

import re


def test_the_not_found_page_is_in_chinese_inside_the_course_layout(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")

    assert "<h1>找不到这一页</h1>" in html
    assert 'class="md-header' in html  # the theme's layout, with search, around it
    assert "404 - Not found" not in html


def test_the_not_found_pages_links_are_absolute_paths_on_this_server(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    content = html.split("<h1>找不到这一页</h1>", 1)[1].split("</article>", 1)[0]

    links = re.findall(r'href="([^"]*)"', content)
    assert links and all(link.startswith("/") and not link.startswith("//") for link in links)
    assert {"/glossary/", "/scripts/"} <= set(links)
