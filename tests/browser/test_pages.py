"""Every page, as a reader opens it: nothing leaves the server, nothing logs an error, nothing
breaks the course's Content-Security-Policy, nothing a screen reader or a keyboard user would
stumble on. (That a click between pages swaps the page in, with the core still running, is what
every shared-page test's `visit` asserts, and test_network.py and test_assessment_progress.py prove
on purpose.)"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS, csp_violations

ROOT = Path(__file__).resolve().parents[2]


def page_paths() -> list[str]:
    """Site paths of every page in the nav, from mkdocs.yml (the sitemap needs a build)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    docs = re.findall(r":\s+(\S+\.md)\s*$", text, re.MULTILINE)
    return ["" if d == "index.md" else d.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/" for d in docs]


AXE = ROOT / "node_modules/axe-core/axe.min.js"

# Colour contrast depends on the theme and our stylesheets, not on a page's words, and it is by far
# the slowest rule (seconds per page). It runs on pages that together show every component we style
# (chapter text, admonitions, tabs, tables, quotes, each kind of worksheet, the script library, the
# glossary); every other rule, which depends on each page's own content, runs on every page.
CONTRAST_PAGES = [
    "",
    "kp325/obstacles/",
    "day48/influence-practice/",
    "tools/workbook/",
    "tools/resources/",
    "tools/value/",
    "tools/conflict/",
    "check/day48-p2/",
    "check/journal/",
    "check/capability/",
    "scripts/",
    "glossary/",
]


def load_axe(page) -> None:
    """axe-core on the page, once (a warm page keeps it across pages). Evaluated through the
    browser's devtools protocol: the course's policy refuses the inline script tag Playwright's
    add_script_tag would write."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))


def serious_accessibility_violations(page, rules: dict) -> list[str]:
    load_axe(page)
    violations = page.evaluate("async (options) => (await axe.run(document, options)).violations", {"resultTypes": ["violations"], **rules})
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in violations if v["impact"] in ("serious", "critical")]


# Every page as a reader reaches it from another (instant navigation, one warm page per test
# worker); full page loads of each kind of page are what the other browser tests do.
@pytest.mark.parametrize("path", page_paths())
def test_every_page_opens_with_nothing_leaving_no_error_and_no_serious_accessibility_violation(warm, site, path):
    page = warm.open(site + path)

    expect(page.locator("h1").first).to_be_visible()
    for sheet in page.locator("[data-worksheet]").all():
        expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    # The server sent the course's Content-Security-Policy (as hosting/nginx.conf does).
    assert csp_violations(page) == []
    # With the worksheets drawn, so that their fields and results are checked too; colour contrast
    # on the pages that show every component we style (CONTRAST_PAGES).
    rules = {} if path in CONTRAST_PAGES else {"rules": {"color-contrast": {"enabled": False}}}
    assert serious_accessibility_violations(page, rules) == []


def test_the_contrast_pages_are_pages_of_the_site():
    assert set(CONTRAST_PAGES) <= set(page_paths())


def test_the_sitemap_lists_exactly_the_nav_pages(site):
    sitemap = urlopen(site + "sitemap.xml").read().decode()

    listed = sorted(re.findall(r"<loc>([^<]+)</loc>", sitemap))

    assert listed == sorted(site + p for p in page_paths())
