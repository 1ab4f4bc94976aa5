"""Reading quality on every page: no sideways scrolling on a phone, clean print (accessibility is
checked as each page opens, in test_pages.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import reader_context, visit
from tests.browser.test_pages import page_paths

pytestmark = pytest.mark.shared_page


@pytest.fixture(scope="module")
def phone(browser):
    # One phone for the module: these tests only read pages, and a context per page costs more than the check.
    context = reader_context(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


# As a reader's taps bring each page (instant navigation): the same layout as a full load, for a
# fraction of the work.
@pytest.mark.parametrize("path", page_paths())
def test_nothing_overflows_sideways_on_a_390px_phone(phone, site, path):
    visit(phone, site + path)
    phone.wait_for_function("() => [...document.querySelectorAll('.cd-worksheet')].every((w) => w.dataset.mounted)")

    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")

    assert overflow <= 0


def test_wide_tables_scroll_inside_themselves_on_a_phone(phone, site):
    visit(phone, site + "kp325/toolkit/")
    # Material wraps the tables of a page it swapped in a moment after the swap.
    expect(phone.locator("article .md-typeset__scrollwrap").first).to_be_attached()

    wrappers = phone.evaluate(
        """[...document.querySelectorAll('.md-typeset__scrollwrap')].map(w => [getComputedStyle(w).overflowX, w.clientWidth <= window.innerWidth])"""
    )

    assert wrappers and all(overflow == "auto" and fits for overflow, fits in wrappers)


def test_print_shows_the_text_without_navigation_or_search(page, site):
    visit(page, site + "kp325/six-steps/")

    page.emulate_media(media="print")

    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("article h1").is_visible()
    assert page.locator("article table").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_print_shows_every_tab_of_a_tabbed_comparison(page, site):
    visit(page, site + "kp325/obstacles/")

    page.emulate_media(media="print")

    blocks = page.locator(".tabbed-set .tabbed-block")
    assert blocks.count() >= 2
    assert all(blocks.nth(i).is_visible() for i in range(min(blocks.count(), 4)))
