"""A reader searches the course in Chinese and lands on the section that treats the term."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import reader_context, type_in_search

# query → (page path, words of the heading of the section that treats it)
QUERIES = {
    "部门墙": ("kp325/", "部门墙"),
    "情感银行": ("day48/pitfalls/", "情感银行"),
    "WIIFM": ("kp325/six-steps/", "WIIFM"),
    "不在KPI里": ("kp325/obstacles/", "KPI"),
    "升级决策层": ("kp325/six-steps/", "升级决策层"),
    "黄金法则": ("kp325/toolkit/", "黄金法则"),
    "信息不对称": ("day48/", "信息不对称"),
}


def search(page, site, query):
    if page.url.split("#")[0] != site:
        page.goto(site)
    # On a warm page the last test's results are still there: empty the box and see them go first.
    results = type_in_search(page, "")
    expect(results).to_have_count(0)
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")  # Material reads the query on key events
    first = results.first
    # The search worker builds its index on first use: seconds on a loaded machine.
    expect(first).to_be_visible(timeout=30_000)
    return first


@pytest.mark.parametrize("query", QUERIES)
def test_the_first_result_is_the_section_that_treats_the_term(warm, site, query):
    path, heading = QUERIES[query]

    first = search(warm.open(site, stay=True), site, query)

    links = first.locator("a")
    assert links.first.get_attribute("href").split("?")[0] == site + path
    section_titles = [t.replace("\u200b", "") for t in first.locator("a h1, a h2").all_text_contents()[:3]]
    assert any(heading in title for title in section_titles), section_titles


# What learners type → sections that treat it (page#heading id); one of them must be among the
# first three section links of the results. The new parts' pages are listed beside the part 8
# page that already uses the term, so the test holds before and after they land.
SECTION_QUERIES = {
    "太忙": {"kp325/obstacles/#obstacle-busy"},
    "不愉快": {"kp325/obstacles/#obstacle-history"},
    "双赢": {"kp325/toolkit/#closing"},
    "换位思考": {"kp325/toolkit/#closing"},
    "利益交换": {"kp325/index/#exchange", "kp325/#exchange", "kp325/toolkit/#rule-1"},
    "资源地图": {"kp325/six-steps/#step-1"},
    "Influence": {"day48/capabilities/#能力1非职权影响力influence-without-authority", "day48/influence-theory/"},
    "Stephen": {"kp325/toolkit/#closing"},
    "BATNA": {"day48/capstone/#prepare-negotiation", "day48/negotiation-method/"},
    "ZOPA": {"day48/capstone/#prepare-negotiation", "day48/negotiation-method/"},
    "非职权影响力": {"day48/capabilities/#能力1非职权影响力influence-without-authority", "day48/influence-theory/"},
    "共赢谈判": {"day48/capabilities/#能力3共赢谈判win-win-negotiation", "day48/negotiation-method/", "day48/negotiation-cases/"},
    "托马斯": {"day48/capstone/#negotiate-conflict", "day48/conflict-theory/"},
    "冲突": {
        "day48/capabilities/#能力2冲突管理conflict-management",
        "day48/capstone/#negotiate-conflict",
        "day48/conflict-theory/",
        "day48/conflict-practice/",
    },
}


def section_links(first, site):
    """The result list's section links in order, as page#id relative to the site."""
    results = first.locator("xpath=ancestor::ol[1]").locator("a.md-search-result__link")
    links = []
    for href in (a.get_attribute("href") for a in results.all()):
        url = urlsplit(href)  # …/kp325/obstacles/?h=太忙#obstacle-busy: drop the highlight query
        links.append(unquote(url.path).removeprefix(urlsplit(site).path) + (f"#{unquote(url.fragment)}" if url.fragment else ""))
    return links


@pytest.mark.parametrize(("query", "wanted"), SECTION_QUERIES.items(), ids=list(SECTION_QUERIES))
def test_what_learners_type_finds_its_section_in_the_top_three(warm, site, query, wanted):
    first = search(warm.open(site, stay=True), site, query)

    top = [link.replace("\u200b", "") for link in section_links(first, site)[:3]]

    assert any(link in wanted or (w.endswith("/") and link.startswith(w)) for link in top for w in wanted), top


def test_a_result_opens_the_section_with_the_term_highlighted(warm, site):
    page = warm.open(site, stay=True)
    first = search(page, site, "情感银行")

    first.locator("a").nth(1).click()

    expect(page).to_have_url(re.compile(r".*/day48/pitfalls/.*"))
    expect(page.locator("mark").first).to_contain_text("情感银行")


def test_a_phone_reader_can_search_too(browser, site):
    context = reader_context(browser, viewport={"width": 390, "height": 844})
    page = context.new_page()

    first = search(page, site, "WIIFM")

    assert "kp325/six-steps/" in first.locator("a").first.get_attribute("href")
    context.close()
