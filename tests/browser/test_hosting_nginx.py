"""The course on Debian's stock nginx with the repo's hosting/nginx.conf, under a sub-path: what an
intranet administrator would set up. Every worksheet gets ready, caching headers are what the
README promises, and the strict Content-Security-Policy holds with zero violations."""

from __future__ import annotations

import re
from urllib.request import Request, urlopen

import pytest
from playwright.sync_api import expect

from bench.serve import free_port
from tests.browser.conftest import CORE_TIMEOUT_MS
from tests.browser.nginx import MIME_TYPES, available, nginx_site
from tests.browser.test_pages import page_paths
from tests.conftest import build_site

pytestmark = pytest.mark.skipif(not available(), reason="Debian's nginx is not installed (apt-get install nginx)")

PREFIX = "/course/"


@pytest.fixture(scope="module")
def nginx_course(tmp_path_factory):
    """The site built for http://127.0.0.1:<port>/course/ and served there by nginx."""
    port = free_port()
    target = tmp_path_factory.mktemp("nginx-site")
    done = build_site(target, site_url=f"http://127.0.0.1:{port}{PREFIX}")
    assert done.returncode == 0, done.stderr
    with nginx_site(target, port=port, prefix=PREFIX) as base:
        yield base, target


def head(url: str):
    return urlopen(Request(url, method="HEAD"))


def test_stock_mime_types_do_not_know_mjs_which_is_why_the_site_ships_none():
    stock = open(MIME_TYPES, encoding="utf-8").read()

    assert not re.search(r"\smjs[\s;]", stock)


# Every Content-Security-Policy violation the page sees, kept where the test can read it.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def test_every_page_on_stock_nginx_gets_its_worksheets_ready_with_zero_csp_violations(page, nginx_course, traffic):
    base, site = nginx_course
    page.add_init_script(COLLECT_VIOLATIONS)
    worksheets = 0

    for path in page_paths():
        response = page.goto(base + path)
        assert response.status == 200, path
        assert "script-src 'self' 'wasm-unsafe-eval'" in response.headers["content-security-policy"]
        for sheet in page.locator("[data-worksheet]").all():
            expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
            worksheets += 1
        assert page.evaluate("window.__cspViolations") == [], path

    page.goto(base + "tools/value/?q=部门墙")  # search runs in Material's worker
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    assert page.evaluate("window.__cspViolations") == []
    assert worksheets >= 15  # the tools and the self-checks all ran their core
    assert not list(site.rglob("*.mjs"))


def test_hashed_files_are_cached_for_good_and_pages_and_the_service_worker_are_revalidated(nginx_course):
    base, site = nginx_course
    worker = next((site / "assets/crossdept").glob("core-worker.*.js")).name
    version = next((site / "assets/pyodide").iterdir()).name

    assert "immutable" in head(f"{base}assets/crossdept/{worker}").headers["Cache-Control"]
    assert "immutable" in head(f"{base}assets/pyodide/{version}/pyodide.asm.wasm").headers["Cache-Control"]
    for path in ("", "tools/value/", "sw.js", "search/search_index.json", "assets/crossdept/site.css"):
        assert head(base + path).headers["Cache-Control"] == "no-cache", path
    assert head(f"{base}assets/pyodide/{version}/pyodide.asm.wasm").headers["Content-Type"] == "application/wasm"
