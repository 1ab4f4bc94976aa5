"""Every page, as a reader opens it: nothing leaves the server, nothing logs an error."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS

ROOT = Path(__file__).resolve().parents[2]


def page_paths() -> list[str]:
    """Site paths of every page in the nav, from mkdocs.yml (the sitemap needs a build)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    docs = re.findall(r":\s+(\S+\.md)\s*$", text, re.MULTILINE)
    return ["" if d == "index.md" else d.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/" for d in docs]


@pytest.mark.parametrize("path", page_paths())
def test_page_loads_with_no_outside_request_and_no_console_error(page, site, traffic, path):
    page.goto(site + path)

    expect(page.locator("h1").first).to_be_visible()
    for sheet in page.locator("[data-worksheet]").all():
        expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)


def test_the_sitemap_lists_exactly_the_nav_pages(site):
    sitemap = urlopen(site + "sitemap.xml").read().decode()

    listed = sorted(re.findall(r"<loc>([^<]+)</loc>", sitemap))

    assert listed == sorted(site + p for p in page_paths())


def test_a_chapter_page_downloads_nothing_of_pyodide(page, site, traffic):
    requested = []
    page.on("request", lambda r: requested.append(r.url))

    page.goto(site + "day48/")
    page.wait_for_load_state("networkidle")

    assert not [u for u in requested if "pyodide" in u or u.endswith(".whl")]


def test_navigation_between_pages_is_instant_not_a_full_reload(page, site, traffic):
    page.goto(site)
    page.evaluate("window.__stillHere = true")

    page.locator(".md-content a[href$='tools/value/']").first.click()

    # navigation.tracking may already have added the first heading's anchor (#工作表) on a slow machine.
    expect(page).to_have_url(re.compile(re.escape(site + "tools/value/") + r"(#.*)?$"))
    expect(page.locator('[data-worksheet="value"]')).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    assert page.evaluate("window.__stillHere") is True
