"""A reader searches the course in Chinese and lands on the section that treats the term."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

# query → (page path, words of the heading of the section that treats it)
QUERIES = {
    "部门墙": ("kp325/", "部门墙"),
    "非职权影响力": ("day48/capabilities/", "非职权影响力"),
    "情感银行": ("day48/pitfalls/", "情感银行"),
    "WIIFM": ("kp325/six-steps/", "WIIFM"),
    "不在KPI里": ("kp325/obstacles/", "KPI"),
    "升级决策层": ("kp325/six-steps/", "升级决策层"),
    "黄金法则": ("kp325/toolkit/", "黄金法则"),
    "共赢谈判": ("day48/capabilities/", "共赢谈判"),
    "信息不对称": ("day48/", "信息不对称"),
}


def search(page, site, query):
    page.goto(site)
    box = page.locator(".md-search__input")
    opener = page.locator("label.md-header__button[for='__search']")  # the phone header's search icon
    (opener if opener.is_visible() else box).click()
    box.fill(query)
    box.press("End")  # Material reads the query on key events
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible()
    return first


@pytest.mark.parametrize("query", QUERIES)
def test_the_first_result_is_the_section_that_treats_the_term(page, site, traffic, query):
    path, heading = QUERIES[query]

    first = search(page, site, query)

    links = first.locator("a")
    assert links.first.get_attribute("href").split("?")[0] == site + path
    section_titles = [t.replace("\u200b", "") for t in first.locator("a h1, a h2").all_text_contents()[:3]]
    assert any(heading in title for title in section_titles), section_titles


def test_a_result_opens_the_section_with_the_term_highlighted(page, site, traffic):
    first = search(page, site, "情感银行")

    first.locator("a").nth(1).click()

    expect(page).to_have_url(re.compile(r".*/day48/pitfalls/.*"))
    expect(page.locator("mark").first).to_contain_text("情感银行")


def test_a_phone_reader_can_search_too(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()

    first = search(page, site, "WIIFM")

    assert "kp325/six-steps/" in first.locator("a").first.get_attribute("href")
    context.close()
