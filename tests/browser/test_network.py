"""Fast on real networks (issue 13): the worker downloads the runtime compressed and decodes it, a
server that compresses by itself (or an object store sending .gz files gzip-encoded) still works, a slow link starts bare and keeps the snapshot for the
next visit, a link to a worksheet page starts the core when pointed at, and a site served from an
address it was not built for keeps instant navigation and its one worker. Bytes are counted at the
server (bench.serve), which sees the worker's requests too."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from bench.serve import Counter, Link, serve_site
from tests.browser.conftest import CORE_TIMEOUT_MS, runtime_call, showing, wait_for_instant_navigation

PYODIDE = "/assets/pyodide/"
PLAIN_LARGE = ("pyodide.asm.wasm", "pyodide-lock.json")  # fetched as name.gz and decompressed by the worker


@pytest.fixture
def served(site_build, request):
    """The session's site on a server of this test's own (another port than it was built for),
    counting bytes; ``request.param`` may carry keyword arguments for ``serve_site``."""
    target, _ = site_build
    counter = Counter()
    with serve_site(target, counter=counter, **getattr(request, "param", {})) as base:
        yield base, counter


def eventually(page, check, timeout_s: float = CORE_TIMEOUT_MS / 1000):
    """Wait until ``check()`` holds (a state at the server, which the page cannot see). Waits
    through Playwright, so the route guard keeps answering the page's requests meanwhile."""
    deadline = time.monotonic() + timeout_s
    while not check():
        assert time.monotonic() < deadline, "timed out waiting"
        page.wait_for_timeout(100)


# Snapshots kept in any of the origin's caches (the service worker's runtime cache, or the worker's own
# where no service worker keeps the runtime).
KEPT_SNAPSHOTS = """async () => {
  let kept = 0;
  for (const name of await caches.keys()) {
    kept += (await (await caches.open(name)).keys()).filter((request) => request.url.endsWith('.snap.gz')).length;
  }
  return kept;
}"""


def ready(page, base, path="tools/value/", timeout=CORE_TIMEOUT_MS):
    page.goto(base + path)
    sheet = page.locator("[data-worksheet]").first
    expect(sheet).to_have_attribute("data-core", "ready", timeout=timeout)
    return sheet


def value_computes(page):
    page.get_by_label("每月流失客户数").fill("200")
    page.get_by_label("每位客户每年价值（LTV）").fill("2500")
    expect(page.locator('[data-output="annual_loss_display"]')).to_have_text("600万")


@pytest.mark.parametrize("served", [{"compress": True}], indirect=True)
def test_a_server_that_already_compresses_still_serves_a_working_core(page, served, traffic):
    base, counter = served

    ready(page, base)
    value_computes(page)

    # The browser decoded the .gz itself (Content-Encoding: gzip, as object stores also send .gz
    # files); the worker saw plain bytes, and used the snapshot as it came, not thrown away.
    assert f"{PYODIDE}314.0.7/pyodide.asm.wasm.gz" in counter.sent
    assert runtime_call(page, "rt.coreStatus().snapshot") is True
    snapshot = next(path for path in counter.sent if path.endswith(".snap.gz"))
    first = page.evaluate("async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer()).slice(0, 2)]", base + snapshot.lstrip("/"))
    assert first != [0x1F, 0x8B]  # the premise: what a fetch gets is already unzipped


@pytest.mark.parametrize("served", [{"link": Link("slow", mbps=15, rtt_ms=20)}], indirect=True)
def test_a_slow_link_starts_bare_and_keeps_the_snapshot_for_the_next_visit(page, served, traffic):
    base, counter = served

    ready(page, base, timeout=2 * CORE_TIMEOUT_MS)  # a bare start, plus the slow downloads
    first = runtime_call(page, "rt.coreStatus()")
    # The snapshot comes after the worksheet is ready, kept for the next visit.
    eventually(page, lambda: page.evaluate(KEPT_SNAPSHOTS) == 1)
    counter.reset()
    ready(page, base)
    again = runtime_call(page, "rt.coreStatus()")

    assert (first["snapshot"], first["start"]) == (False, "slow")
    assert (again["snapshot"], again["start"]) == (True, "cached")
    assert not [path for path in counter.sent if path.endswith(".snap.gz")]


def test_a_chapter_page_read_loads_nothing_of_pyodide_and_pointing_at_a_worksheet_link_starts_the_core(page, served, traffic):
    base, counter = served
    page.goto(base + "day48/")
    expect(page.locator("article h1")).to_be_visible()
    page.mouse.move(5, 400)
    page.wait_for_load_state("networkidle")

    # Nothing of the core: not Pyodide, not the core's package, not the snapshot.
    assert counter.total(only=lambda path: path.startswith(PYODIDE) or path.endswith((".whl", ".snap.gz"))) == 0

    link = page.locator("a[href$='tools/value/']").first
    wait_for_instant_navigation(page)
    page.evaluate("window.__stillHere = true")
    link.hover()

    eventually(page, lambda: counter.total(only=lambda path: path.endswith("pyodide.asm.wasm.gz")) > 0)
    link.click()
    # The click swaps the page in (no full reload), and the core the pointer started serves it.
    expect(page).to_have_url(showing(base + "tools/value/"))
    expect(page.locator('[data-worksheet="value"]')).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    assert page.evaluate("window.__stillHere") is True


def test_the_runtime_arrives_compressed_and_one_worker_serves_the_pages_of_a_site_served_elsewhere(page, served, site_build, traffic):
    base, counter = served
    assert not base.endswith(f":{site_build[1]}/")  # served elsewhere than built for
    ready(page, base)
    value_computes(page)

    sent = counter.sent
    assert all(f"{PYODIDE}314.0.7/{name}.gz" in sent for name in PLAIN_LARGE), sorted(sent)
    assert not [path for path in sent if path.endswith(PLAIN_LARGE)], "a large file was also fetched uncompressed"
    # Each large file once, compressed (13.4 MB of plain runtime in all). pyodide.asm.mjs.js is
    # imported by its own URL (the CSP forbids importing decompressed bytes): plain from this server.
    folder = next((site_build[0] / PYODIDE.strip("/")).iterdir())
    for name in (*PLAIN_LARGE, "python_stdlib.zip"):
        shipped = folder / (f"{name}.gz" if name in PLAIN_LARGE else name)
        assert sent[f"{PYODIDE}314.0.7/{shipped.name}"] == shipped.stat().st_size, shipped.name
    assert f"{PYODIDE}314.0.7/pyodide.asm.mjs.js" in sent

    # Instant navigation still works at this address, and the core's one worker serves every page.
    before = runtime_call(page, "rt.coreStatus().worker")
    page.evaluate("window.stillTheSameDocument = true")

    page.locator(".md-nav a[href$='tools/resources/']").first.click()
    expect(page).to_have_url(showing(base + "tools/resources/"))
    ready_again = page.locator('[data-worksheet="resources"]')
    expect(ready_again).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    page.go_back()
    expect(page).to_have_url(showing(base + "tools/value/"))
    expect(page.locator('[data-worksheet="value"]')).to_have_attribute("data-core", "ready")

    assert page.evaluate("window.stillTheSameDocument") is True
    assert runtime_call(page, "rt.coreStatus().worker") == before
