"""The 404 page speaks Chinese and its links work from whatever missing path it is served for: every
URL in it is relative to a <base> naming the course's root (the path of site_url)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit


def test_the_not_found_page_is_in_chinese_inside_the_course_layout(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")

    assert "<h1 data-cd-not-found>找不到这一页</h1>" in html
    assert "<title>找不到这一页 - 跨部门协作实战</title>" in html
    assert 'class="md-header' in html  # the theme's layout, with search, around it
    assert "404 - Not found" not in html


def test_the_not_found_page_names_the_course_root_before_any_url(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]

    assert re.findall(r'<base href="([^"]*)">', html) == ["/"]  # the tests build for http://127.0.0.1:<port>/
    first_url = re.search(r'(?:href|src)="', head).start()
    assert head[first_url - len("<base ") : first_url] == "<base "


def test_every_url_of_the_not_found_page_is_relative_to_its_base(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    after_base = html.split("<base ", 1)[1].split(">", 1)[1]

    urls = re.findall(r'(?:href|src)="([^"]*)"', after_base)
    assert urls
    for url in urls:
        assert not url.startswith("/") and not urlsplit(url).scheme.startswith("http"), url
    links = re.findall(r'href="([^"]*)"', html.split("<h1 data-cd-not-found>找不到这一页</h1>", 1)[1].split("</article>", 1)[0])
    assert {".", "glossary/", "scripts/"} <= set(links)


def test_materials_root_is_taken_from_the_base_before_its_bundle_runs(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")

    config = html.index('id="__config"')
    fix = html.index('src="assets/crossdept/not-found.js"')
    bundle = html.index('src="assets/javascripts/bundle.')
    assert config < fix < bundle
