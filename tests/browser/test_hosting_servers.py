"""The course on Debian's stock nginx and Apache with the repo's sample configurations
(hosting/nginx.conf, hosting/apache.htaccess), under a sub-path: what an intranet administrator
would set up. Every worksheet gets ready, types and caching headers are what the README promises,
the strict Content-Security-Policy holds with zero violations, and the course's 404 page keeps its
styles and links at any depth, also under a path the site was not built for and offline."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from playwright.sync_api import expect

from bench.serve import free_port, serve_site
from tests.browser import apache, nginx
from tests.browser.conftest import COLLECT_VIOLATIONS, CORE_TIMEOUT_MS, csp_violations, navigate_instantly, showing, type_in_search
from tests.browser.test_pages import page_paths
from tests.conftest import ROOT, build_site
from tests.site.test_hosting_configs import csp_of

# One test worker takes the whole module (make test runs --dist loadgroup): the course's build for
# /course/ is then made once, not once per worker.
pytestmark = pytest.mark.xdist_group("hosting")

PREFIX = "/course/"
ELSEWHERE = "/elsewhere/"  # a path the site was not built for

SERVERS = {
    "nginx": (nginx.available, nginx.nginx_site, "Debian's nginx is not installed (make nginx)"),
    "apache": (apache.available, apache.apache_site, "Debian's apache2 is not installed (make apache)"),
}


@dataclass(frozen=True)
class Hosted:
    base: str  # the course's URL, the address the site was built for
    site: Path
    serve: Callable


@pytest.fixture(scope="module")
def course_build(tmp_path_factory) -> tuple[Path, int]:
    """One build for http://127.0.0.1:<port>/course/, which each server in turn serves there."""
    port = free_port()
    target = tmp_path_factory.mktemp("hosted-site")
    done = build_site(target, site_url=f"http://127.0.0.1:{port}{PREFIX}")
    assert done.returncode == 0, done.stderr
    return target, port


@pytest.fixture(scope="module", params=sorted(SERVERS))
def hosted(request) -> Hosted:
    available, serve, reason = SERVERS[request.param]
    if not available():
        pytest.skip(reason)
    site, port = request.getfixturevalue("course_build")  # only built when a server can serve it
    with serve(site, port=port, prefix=PREFIX) as base:
        yield Hosted(base, site, serve)


@pytest.fixture(scope="module")
def elsewhere(hosted) -> str:
    """The same build served by the same kind of server at another path and port (another host, to
    the browser): what an administrator gets who built the site for one address and serves it at another."""
    with hosted.serve(hosted.site, prefix=ELSEWHERE) as base:
        yield base


def fetch(url: str, method: str = "GET", gzip_ok: bool = False):
    """The server's answer (also for 4xx), with its body."""
    request = Request(url, method=method, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        response = urlopen(request)
    except HTTPError as error:
        response = error
    return response, response.read()


@pytest.mark.skipif(not nginx.available(), reason="Debian's nginx is not installed (make nginx)")
def test_stock_nginx_mime_types_do_not_know_mjs_which_is_why_the_site_ships_none():
    stock = Path(nginx.MIME_TYPES).read_text(encoding="utf-8")

    assert not re.search(r"\smjs[\s;]", stock)


def test_every_page_is_sent_with_the_policy_of_the_sample_configurations(hosted):
    policy = csp_of((ROOT / "hosting" / "nginx.conf").read_text(encoding="utf-8"))  # all samples agree (test_hosting_configs)

    for path in page_paths():
        response, _ = fetch(hosted.base + path, "HEAD")
        assert response.headers["Content-Security-Policy"] == policy, path


# Every page, with its worksheets, under the course's policy: test_pages.py (the test server sends
# what hosting/nginx.conf sends, bench.serve.sample_headers). Here each real server, under a path of
# its host: a worksheet page loaded in full (the response carries the policy, the core starts in a
# worker), a second one reached by a click (instant navigation), and a search in Material's worker.
def test_worksheet_pages_and_search_run_with_zero_csp_violations(page, hosted, traffic):
    page.add_init_script(COLLECT_VIOLATIONS)

    response = page.goto(hosted.base + "tools/value/")

    assert response.status == 200
    assert "script-src 'self' 'wasm-unsafe-eval'" in response.headers["content-security-policy"]
    expect(page.locator('[data-worksheet="value"]')).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    # Settled: Material closes the search box 125 ms after each navigation, and a search opened
    # sooner (no reader is that quick) was closed with its results in it.
    navigate_instantly(page, hosted.base + "tools/resources/")
    expect(page.locator('[data-worksheet="resources"]')).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    expect(type_in_search(page, "部门墙").first).to_be_visible(timeout=30_000)
    assert csp_violations(page) == []
    assert not list(hosted.site.rglob("*.mjs"))


def test_hashed_files_are_cached_for_good_and_pages_and_the_service_worker_are_revalidated(hosted):
    site = hosted.site
    version = next((site / "assets/pyodide").iterdir()).name
    hashed = [
        next((site / "assets/crossdept").glob(pattern)).relative_to(site).as_posix()
        for pattern in ("core-worker.*.js", "worksheets.*.js", "site.*.js", "crossdept-*.whl", "core-*.snap.gz")
    ]
    hashed += [next((site / "assets/javascripts").glob("bundle.*.min.js")).relative_to(site).as_posix()]
    hashed += [f"assets/pyodide/{version}/pyodide.asm.wasm", f"assets/pyodide/{version}/python_stdlib.zip"]

    for path in hashed:
        assert fetch(hosted.base + path, "HEAD")[0].headers["Cache-Control"] == "public, max-age=31536000, immutable", path
    for path in ("", "tools/value/", "sw.js", "404.html", "search/search_index.json", "assets/crossdept/site.css", "assets/crossdept/not-found.js"):
        assert fetch(hosted.base + path, "HEAD")[0].headers["Cache-Control"] == "no-cache", path


@pytest.mark.parametrize(
    ("pattern", "types"),
    [
        ("index.html", {"text/html"}),
        ("assets/crossdept/*.js", {"text/javascript", "application/javascript"}),
        ("assets/pyodide/*/*.js", {"text/javascript", "application/javascript"}),
        ("assets/stylesheets/*.css", {"text/css"}),
        ("assets/pyodide/*/*.wasm", {"application/wasm"}),
        ("assets/pyodide/*/*.json", {"application/json"}),
        ("search/search_index.json", {"application/json"}),
        ("assets/pyodide/*/*.zip", {"application/zip"}),
    ],
)
def test_every_file_the_browser_runs_or_reads_is_sent_with_its_type(hosted, pattern, types):
    files = sorted(hosted.site.glob(pattern))
    assert files, pattern

    for file in files:
        response, _ = fetch(hosted.base + file.relative_to(hosted.site).as_posix(), "HEAD")
        assert response.headers["Content-Type"].split(";")[0] in types, file.name
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def received(response, body: bytes) -> bytes:
    return gzip.decompress(body) if response.headers["Content-Encoding"] == "gzip" else body


def test_gzipped_files_arrive_as_their_bytes_and_their_plain_names_still_arrive_whole(hosted):
    compressed = sorted(hosted.site.rglob("*.gz"))
    assert compressed  # the snapshot and the sitemap at least

    for file in compressed:
        response, body = fetch(hosted.base + file.relative_to(hosted.site).as_posix(), gzip_ok=True)
        data = file.read_bytes()
        # As they are, or marked gzip (object stores do that): the runtime accepts both.
        assert received(response, body) in (data, gzip.decompress(data)), file.name
        plain = file.with_suffix("")
        if plain.is_file():  # a copy beside the plain file, for gzip_static and the like
            response, body = fetch(hosted.base + plain.relative_to(hosted.site).as_posix(), gzip_ok=True)
            assert received(response, body) == plain.read_bytes(), plain.name


def expect_404(traffic, url: str) -> None:
    """The page at ``url`` answers 404 on purpose: its failed response and the console line
    Chromium writes for it are expected (any other failure or error still fails the test)."""
    traffic.expected_failures.add(url)
    traffic.console_errors = ForgivingList(f"404 (Not Found) @ {{'url': '{url}'", traffic.console_errors)


class ForgivingList(list):
    """A list of console errors that leaves out the ones naming one expected 404."""

    def __init__(self, expected: str, items) -> None:
        super().__init__(items)
        self.expected = expected

    def append(self, item) -> None:
        if self.expected not in item:
            super().append(item)


# Each depth gets its links' addresses checked; the deepest also has them followed (one level's
# clicks show what the others' would, their addresses being the same; the tests below follow a 404
# page's links further, into a whole page and by search, on each server).
@pytest.mark.parametrize(("missing", "follow"), [("gone", False), ("day48/gone", False), ("a/b/c/gone.html", True)], ids=["depth-0", "depth-1", "depth-3"])
def test_the_404_page_at_any_depth_of_another_path_is_styled_and_leads_back_to_the_course(page, elsewhere, traffic, missing, follow):
    expect_404(traffic, elsewhere + missing)
    page.add_init_script(COLLECT_VIOLATIONS)

    response = page.goto(elsewhere + missing)

    assert response.status == 404
    assert page.title() == "找不到这一页 - 跨部门协作实战"
    assert "gone" not in page.evaluate("Object.values(localStorage).join()")  # not counted as a page read
    expect(page.locator("article h1")).to_have_text("找不到这一页")
    assert page.locator(".md-header").evaluate("(header) => getComputedStyle(header).position") == "sticky"  # Material's stylesheet
    links = {name: page.locator("article").get_by_role("link", name=name, exact=True) for name in ("课程首页", "术语表", "话术库")}
    assert {name: link.evaluate("(a) => a.href") for name, link in links.items()} == {
        "课程首页": elsewhere,
        "术语表": elsewhere + "glossary/",
        "话术库": elsewhere + "scripts/",
    }
    assert page.evaluate("window.__cspViolations") == []
    if follow:
        for name, heading in (("术语表", "术语表"), ("话术库", "话术库"), ("课程首页", "跨部门协作实战")):
            links[name].click()
            expect(page.locator("article h1").first).to_contain_text(heading)
            page.go_back()
            expect(page.locator("article h1")).to_have_text("找不到这一页")


def test_searching_from_a_deep_404_page_of_another_path_opens_a_real_page(page, elsewhere, traffic):
    expect_404(traffic, elsewhere + "a/b/c/gone")
    page.goto(elsewhere + "a/b/c/gone")

    first = type_in_search(page, "情感银行").first
    expect(first).to_be_visible(timeout=30_000)
    first.locator("a").first.click()

    expect(page).to_have_url(re.compile(re.escape(elsewhere) + r"day48/pitfalls/"))
    expect(page.locator("article h1").first).to_contain_text("误区")


def test_a_link_of_the_404_page_loads_a_whole_page_whose_own_links_work(page, hosted, traffic):
    expect_404(traffic, hosted.base + "day48/old/gone")
    page.goto(hosted.base + "day48/old/gone")

    page.locator("article").get_by_role("link", name="术语表", exact=True).click()
    expect(page.locator("article h1").first).to_contain_text("术语表")

    # Loaded or swapped in by instant navigation, the glossary's links resolve against its own
    # address, not the 404 page's <base>.
    assert page.evaluate("() => document.querySelector('base')") is None
    page.locator("article a[href*='day48/pitfalls/']").first.click()
    expect(page).to_have_url(re.compile(re.escape(hosted.base + "day48/pitfalls/")))
    expect(page.locator("article h1").first).to_contain_text("误区")


def returning_reader(context, base: str):
    """A page of a reader whose service worker has installed (and so kept the course)."""
    page = context.new_page()
    page.goto(base)
    # A function, not an expression: the course's CSP forbids the eval Playwright would wrap an expression in.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    return page


def open_404_offline(context, base: str, missing: str, page=None):
    """A returning reader who is offline opens a missing page."""
    page = page or returning_reader(context, base)
    context.set_offline(True)
    return page, page.goto(base + missing)


def expect_styled_404_leading_to(page, response, base: str, link: str, path: str) -> None:
    """The kept 404 page answered, styled by Material, and its ``link`` opens ``base + path``."""
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("找不到这一页")
    assert page.locator(".md-header").evaluate("(header) => getComputedStyle(header).position") == "sticky"
    page.locator("article").get_by_role("link", name=link, exact=True).click()
    expect(page).to_have_url(showing(base + path))
    expect(page.locator("article h1").first).to_contain_text(link)


def test_offline_a_missing_page_at_depth_two_of_another_path_gets_the_kept_404_page(sw_context, elsewhere):
    page, response = open_404_offline(sw_context, elsewhere, "day48/old/gone")

    expect_styled_404_leading_to(page, response, elsewhere, "术语表", "glossary/")


def test_offline_the_kept_404_page_works_on_a_server_that_sends_it_unchanged(sw_context, course_build):
    site, _ = course_build  # built for /course/, served at a host's root by a server that rewrites nothing
    with serve_site(site) as base:
        page = returning_reader(sw_context, base)
    # The server is gone as well: in one loaded run the server's own 404 page answered although the
    # browser was set offline (cause not found); with no server, only the service worker can answer.
    page, response = open_404_offline(sw_context, base, "day48/old/gone", page)

    expect_styled_404_leading_to(page, response, base, "话术库", "scripts/")
