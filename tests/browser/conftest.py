"""Browser tests: the built site on a local static server, Debian's chromium, and a guard that
fails any test in which a request leaves 127.0.0.1 or a page logs a console error."""

from __future__ import annotations

import collections
import re
import time

import pytest
from playwright.sync_api import expect

from bench.serve import CHROMIUM_FLAGS, HEADLESS_SHELL, serve_site
from tests.conftest import shared_server

# Pyodide's first start takes seconds on this machine; waits on the core allow for it.
CORE_TIMEOUT_MS = 60_000

# What a page shows after a click can take more than Playwright's default 5 s on a 2-core machine
# that other builds keep busy; a passing check does not wait any longer for it.
expect.set_options(timeout=15_000)

# The page's worksheet runtime as a module: importing the URL the page loaded gives the very same
# instance (its core, its store), with what it exports for tests. There are no globals to reach for.
RUNTIME = "import(document.querySelector('script[type=module][src*=\"/worksheets.\"]').src)"


def runtime_call(page, expression: str, arg=None):
    """Evaluate ``expression`` with ``rt`` bound to the runtime module (and ``arg``), awaiting it."""
    return page.evaluate(f"async (arg) => {{ const rt = await {RUNTIME}; return {expression}; }}", arg)


def wait_for_runtime(page, expression: str, arg=None, timeout_ms: int = CORE_TIMEOUT_MS):
    """Wait until ``expression`` (as in ``runtime_call``) is truthy. Playwright's wait_for_function
    does not await an async predicate (a pending Promise counts as true), so this polls instead."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not runtime_call(page, expression, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_ms} ms: {expression}")
        page.wait_for_timeout(200)


def wait_for_service_worker(page):
    # The worker claims pages only after it has installed, that is, after it precached the course;
    # on a worksheet page it is registered only once the core is ready (entries/site.js).
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=CORE_TIMEOUT_MS + 30_000)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


# How every test's browser context starts. The offline service worker would answer requests the
# page's events never show: the tests that are about it (test_fast_start.py, test_service_worker.py)
# open contexts that allow it. The reader asks for reduced motion, a setting Material honours (no
# transitions): no check waits for a fade to end, and a page walk took a quarter less time
# (measured on test_pages, the conflict tools and the grid: 82 s against 61 s, CPU 10% less).
READER = {"service_workers": "block", "reduced_motion": "reduce"}


def reader_context(browser, **options):
    """A new browser context as the tests' reader has it (``READER``), with ``options`` on top."""
    return browser.new_context(**{**READER, **options})


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, **READER}


# Every request for another host goes to a proxy that is not there, and fails; the browser goes
# to 127.0.0.1 directly (it never sends the loopback through a proxy). Stopping them in the browser
# and not with a Playwright route keeps the HTTP cache on: a route turns it off for its context,
# and every reload then fetched and compiled Pyodide again (0.8 s of CPU more each, measured).
NOWHERE = "--proxy-server=http://127.0.0.1:9"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": HEADLESS_SHELL, "args": [*CHROMIUM_FLAGS, NOWHERE]}


@pytest.fixture
def sw_context(browser):
    """A context with the offline service worker allowed (the tests that are about it)."""
    context = reader_context(browser, service_workers="allow")
    yield context
    context.close()


@pytest.fixture(scope="session")
def site(site_build, request) -> str:
    """Base URL of the site (the session's one build), served on the port it was built for."""
    target, port = site_build
    base = shared_server(request.config)
    if base:  # pytest-xdist: the controller serves the shared build
        yield base
        return
    with serve_site(target, port) as base:
        yield base


class Traffic:
    """What the pages did: requests that tried to leave, console errors, failed responses."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.expected_failures: set[str] = set()
        self.console: collections.deque[str] = collections.deque(maxlen=40)  # every kind, shown when a test fails

    def clear(self) -> None:
        """Forget what was recorded: the next test starts with an empty record."""
        self.outside.clear()
        self.console_errors.clear()
        self.failed.clear()
        self.expected_failures.clear()
        self.console.clear()


def watch(context) -> Traffic:
    """Record what the context's pages do, among it any request for somewhere else than
    127.0.0.1 (the browser itself stops those: ``NOWHERE``)."""
    record = Traffic()

    def request(request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            record.outside.append(request.url)

    def console(message) -> None:
        record.console.append(f"{message.type}: {message.text}")
        if message.type == "error":
            record.console_errors.append(f"{message.text} @ {message.location}")

    context.on("request", request)
    context.on("console", console)
    context.on("weberror", lambda e: record.console_errors.append(str(e.error)))
    context.on("response", lambda r: r.status >= 400 and record.failed.append(f"{r.status} {r.url}"))
    return record


def check_traffic(record: Traffic, allow_errors: bool = False) -> None:
    assert record.outside == [], f"requests left 127.0.0.1: {record.outside}"
    if not allow_errors:
        assert record.console_errors == [], record.console_errors
        unexpected = [f for f in record.failed if not any(x in f for x in record.expected_failures)]
        assert unexpected == [], unexpected


@pytest.fixture
def traffic(request, _shared, context, page):
    """What the test's pages do. When the test ends, before its page closes (a page closed while
    Material's search worker still loads its scripts logs that as an error): the test fails if a
    request left 127.0.0.1 or a page logged an error (unless marked ``allow_errors``)."""
    record = _shared.record if _shared is not None else watch(context)
    request.node.crossdept_traffic = record
    yield record
    check_traffic(record, bool(request.node.get_closest_marker("allow_errors")))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test's report ends with what its pages wrote to the console: a failure seen
    once on a loaded machine is then read from the report, not guessed at."""
    report = yield
    record = getattr(item, "crossdept_traffic", None)
    if report.failed and record is not None and record.console:
        report.sections.append(("browser console", "\n".join(record.console)))
    return report


def showing(url: str) -> re.Pattern:
    """``url``, with whatever section anchor Material's navigation.tracking has added by now (on a
    page scrolled past its first heading, as after going back, it adds one)."""
    return re.compile(re.escape(url) + r"(#.*)?$")


def wait_for_instant_navigation(page) -> None:
    """Wait until Material takes over clicks on course links. It does once it has the site's
    sitemap.xml; a click before that loads the whole page (right for a reader, but a test about
    instant navigation, or one that keeps the core running, would race the sitemap on a loaded
    machine). A resource timing entry appears when the sitemap has arrived, and Material reads it
    within the next tasks: two more frames are waited for. Read with an observer, because a page
    with Playwright's clock has a performance object whose entry lists are always empty."""
    page.wait_for_function(
        """() => {
          const state = (window.__cdSitemap ??= { seen: false, frames: 0 });
          if (!state.observer) {
            state.observer = new PerformanceObserver((list, observer) => {
              if (list.getEntries().some((e) => e.name.endsWith("/sitemap.xml"))) {
                state.seen = true;
                observer.disconnect();
              }
            });
            state.observer.observe({ type: "resource", buffered: true });
          }
          return state.seen && ++state.frames > 2;
        }""",
        polling="raf",
    )


def navigate_instantly(page, url: str, *, settle: bool = True) -> None:
    """Go to ``url`` as a reader's click does: Material fetches the page and swaps its content in,
    the document (and the core's worker) stays. ``settle``: also wait for the header's fade."""
    wait_for_instant_navigation(page)
    before = page.evaluate_handle("document.querySelector('article')")
    page.evaluate(
        """(url) => {
          document.getElementById("cd-test-go")?.remove(); // left by a test that failed here
          const link = Object.assign(document.createElement("a"), { href: url, textContent: "→", id: "cd-test-go" });
          document.querySelector(".md-content").append(link);
        }""",
        url,
    )
    page.click("#cd-test-go")
    page.wait_for_function("(old) => document.querySelector('article') && document.querySelector('article') !== old", arg=before)
    before.dispose()
    # The header swaps titles with a fade: let it finish, or a check of colours sees it halfway.
    # On a loaded machine the fade may start frames after the swap: wait for ten still frames.
    if settle:
        page.evaluate("() => { window.__cdStillFrames = 0; }")
        page.wait_for_function(
            """() => (window.__cdStillFrames = document.getAnimations().some((a) => a.playState === 'running') ? 0 : window.__cdStillFrames + 1) >= 10""",
            polling="raf",
        )
    assert page.url.split("#")[0] == url, f"instant navigation went to {page.url}, not {url}"


# Every Content-Security-Policy violation a page sees, kept where the test can read it (the test
# servers send the course's policy, see bench.serve.sample_headers). The browser also logs each as
# a console error, which fails any test; this names the directive and what it blocked.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def csp_violations(page) -> list[str]:
    """The violations the page's document saw since the last call."""
    return page.evaluate("() => (window.__cspViolations || []).splice(0)")


class WarmPage:
    """One browser page kept across a module's read-only tests, moved from course page to course
    page by instant navigation as a reader's clicks move it: the core's worker, started once,
    serves every worksheet page after the first (a fresh page per test would start Pyodide again).
    Only for tests that change nothing a later test could see."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.context = None
        self.test = None  # the test using the page now: its report shows the page's console

    def open(self, url: str, *, stay: bool = False):
        """The page showing ``url``, with a fresh traffic record for this test (``stay``: as the
        last test left it, if it shows ``url`` already)."""
        if self.context is None or self.page.is_closed():
            self.close()
            self.context = reader_context(self.browser)
            self.context.add_init_script(COLLECT_VIOLATIONS)
            self.record = watch(self.context)
            self.page = self.context.new_page()
        self.record.clear()
        if self.test is not None:
            self.test.crossdept_traffic = self.record
        current = self.page.url.split("#")[0]
        if current.startswith("http") and current != url:
            navigate_instantly(self.page, url)
        elif current != url or not stay:
            self.page.goto(url)
        return self.page

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
            self.context = None


class SharedPage:
    """One page per test worker that tests marked ``shared_page`` take turns on, as if each were a
    new reader: before each test its storage is emptied, so when the test opens its first page with
    ``visit`` (instant navigation) the worksheets find nothing stored, and the core (the costly part
    of a fresh page: Pyodide starting again, about 1.5 s of CPU) is already running. What a test
    changed on the page itself (other tabs, listeners, viewport, media, routes) is undone; a page
    that broke is replaced by a new one, opened at ``site``."""

    def __init__(self, browser, clock=None) -> None:
        self.browser = browser
        self.clock = clock  # a fixed time the page's clock says, from before its first load
        self.context = None
        self.listeners: list[tuple[str, object]] = []

    def _open(self) -> None:
        self.close()
        self.context = reader_context(self.browser)
        self.record = watch(self.context)
        self.page = self.context.new_page()
        if self.clock is not None:
            self.page.clock.set_fixed_time(self.clock)
            self.page.crossdept_clock = self.clock
        on = self.page.on

        def tracked_on(event, handler):  # undone before the next test
            self.listeners.append((event, handler))
            return on(event, handler)

        self.page.on = tracked_on

    def fresh(self, site: str):
        """The page, still showing what the last test left (or ``site`` when new), with nothing
        stored and an empty traffic record."""
        try:
            if self.context is None or self.page.is_closed():
                raise RuntimeError("no page yet")
            for other in self.context.pages:
                if other is not self.page:
                    other.close()
            for event, handler in self.listeners:
                self.page.remove_listener(event, handler)
            self.listeners.clear()
            self.page.unroute_all(behavior="ignoreErrors")
            self.page.emulate_media(media="null")
            self.page.set_viewport_size(DEFAULT_VIEWPORT)
            if not self.page.url.startswith(site) or self.page.locator('[data-core="failed"]').count():
                raise RuntimeError("not on the course, or its core failed")
            # The page a reader looks at, drawing frames: after a test's second tab it may be in the
            # background, where the browser runs no animation frames, and Playwright, which waits
            # for an element to hold still over two frames, then waits for ever (a loaded run lost
            # seven tests on one worker that way). A page that still draws none is replaced.
            self.page.bring_to_front()
            self.page.wait_for_function("() => true", polling="raf", timeout=5_000)
            # Worksheets save as they are edited, never later: what the next page reads is empty
            # from here. The page hears it as a reader's page hears another tab clearing the storage
            # (what it keeps in memory is read again); the test's first `visit` swaps the page.
            self.page.evaluate(
                """() => {
                  localStorage.clear();
                  sessionStorage.clear();
                  window.dispatchEvent(new StorageEvent("storage", { key: null, storageArea: localStorage }));
                }"""
            )
        except Exception:  # anything the last test left that cannot be undone: start over
            self._open()
            self.page.goto(site)
        self.page.crossdept_home = site
        self.record.clear()
        return self.page

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
            self.context = None
        self.listeners.clear()


DEFAULT_VIEWPORT = {"width": 1280, "height": 720}  # Playwright's default for a new context


def visit(page, url: str) -> None:
    """Open ``url`` as a reader's click does (the running core stays): on the shared page, and on
    a page ``visit`` opened before; else load it, and wait until a click on a course link is
    instant too."""
    if getattr(page, "crossdept_home", None) and page.url.startswith("http"):
        if page.url.split("#")[0] == url:  # a click on a link to the page shown does not swap it
            navigate_instantly(page, page.crossdept_home if url != page.crossdept_home else url + "glossary/", settle=False)
        navigate_instantly(page, url, settle=False)
    else:
        page.goto(url)
        wait_for_instant_navigation(page)
        page.crossdept_home = url[: url.index("/", url.index("//") + 2) + 1]  # the server's root: the site's, in tests


def type_in_search(page, query: str):
    """Type ``query`` into Material's search box as a reader does (on a phone, the header's search
    icon opens it first); returns the result items."""
    box = page.locator(".md-search__input")
    opener = page.locator("label.md-header__button[for='__search']")
    (opener if opener.is_visible() else box).click()
    box.fill(query)
    box.press("End")  # Material reads the query on key events
    return page.locator(".md-search-result__item")


@pytest.fixture(scope="session")
def _shared_pages(browser):
    """The worker's shared pages: one per fixed clock (``clock`` marker) and one on real time."""
    pages: dict[object, SharedPage] = {}
    yield lambda clock: pages.setdefault(clock, SharedPage(browser, clock))
    for shared in pages.values():
        shared.close()


def shared_for(request) -> SharedPage | None:
    """The shared page the test runs on, or None when it has a page of its own."""
    if request.node.get_closest_marker("shared_page") is None or request.node.get_closest_marker("fresh_page") is not None:
        return None
    clock = request.node.get_closest_marker("clock")
    return request.getfixturevalue("_shared_pages")(clock.args[0] if clock else None)


@pytest.fixture
def _shared(request) -> SharedPage | None:
    """The test's shared page, reset for it once, or None when it has a page of its own."""
    shared = shared_for(request)
    if shared is not None:
        shared.fresh(request.getfixturevalue("site"))
    return shared


@pytest.fixture
def context(_shared, new_context):
    """The test's browser context: the shared page's for tests marked ``shared_page``, else a new one."""
    return _shared.context if _shared is not None else new_context()


@pytest.fixture
def page(_shared, context):
    """The test's page: the shared page, reset, for tests marked ``shared_page``, else a new one."""
    return _shared.page if _shared is not None else context.new_page()


@pytest.fixture(scope="module")
def warm_page(browser):
    warm = WarmPage(browser)
    yield warm
    warm.close()


@pytest.fixture
def warm(warm_page, request):
    """The module's warm page; the test fails if anything left 127.0.0.1 or logged an error."""
    warm_page.test = request.node
    yield warm_page
    warm_page.test = None
    if warm_page.context is not None:
        check_traffic(warm_page.record, bool(request.node.get_closest_marker("allow_errors")))
