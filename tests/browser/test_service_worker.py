"""The offline service worker as an intranet's readers meet it: a server that hangs, a proxy that
answers 502, a rebuild in progress (404), a redeploy, another application on the same host, and
two copies of the course on one host."""

from __future__ import annotations

import contextlib
import http.server
import math
import re
import shutil
import socket
import threading
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from bench.serve import free_port, serve_site
from crossdept_site.offline import FETCHED
from tests.browser.conftest import CORE_TIMEOUT_MS, wait_for_service_worker
from tests.conftest import build_site, copy_of_site

CHAPTER = "kp325/obstacles/"


@pytest.fixture(scope="module")
def sw_site(tmp_path_factory, site_build) -> tuple[int, Path]:
    """The site on a port of this module's own, at the host's root."""
    return copy_of_site(site_build, tmp_path_factory.mktemp("sw-site") / "site")


@contextlib.contextmanager
def answering(port: int, status: int) -> Iterator[None]:
    """A server on `port` that answers every request with `status` (a broken proxy, a rebuild)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(f"<h1>server says {status}</h1>".encode())

        def log_message(self, format, *args):  # noqa: A002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def hung(port: int) -> Iterator[None]:
    """A server on `port` that accepts connections and never answers."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


def cached_course(sw_context, port: int, site: Path):
    """A reader who has read a chapter: the worker is installed and controls the page."""
    page = sw_context.new_page()
    with serve_site(site, port) as base:
        page.goto(base + CHAPTER)
        wait_for_service_worker(page)
    return page, base


def test_a_hung_server_shows_the_cached_course_within_seconds(sw_site, sw_context):
    port, site = sw_site
    page, base = cached_course(sw_context, port, site)

    with hung(port):
        page.goto(base + CHAPTER, timeout=25_000)  # with no timeout of its own, this would wait for minutes

        expect(page.locator("article h1")).to_contain_text("障碍")


# Every 5xx takes one comparison in sw.js (status >= 500): one of them stands for all; a 404 for a
# page the build has is a case of its own.
@pytest.mark.parametrize("status", [503, 404])
def test_an_error_from_the_server_shows_the_cached_course_instead(sw_site, sw_context, status):
    port, site = sw_site
    page, base = cached_course(sw_context, port, site)

    with answering(port, status):
        page.goto(base + CHAPTER)

        expect(page.locator("article h1")).to_contain_text("障碍")
        expect(page.get_by_text(f"server says {status}")).to_have_count(0)


def test_a_page_the_build_does_not_have_still_gets_the_servers_404(sw_site, sw_context):
    port, site = sw_site
    page, base = cached_course(sw_context, port, site)

    with serve_site(site, port):
        response = page.goto(base + "no-such-chapter/")

        assert response.status == 404


def test_a_returning_reader_gets_the_redeployed_worker_code(sw_site, sw_context, project_copy, tmp_path):
    port, built = sw_site
    site = tmp_path / "live"
    shutil.copytree(built, site)
    old_worker = next((site / "assets/crossdept").glob("core-worker.*.js")).name
    page = sw_context.new_page()
    with serve_site(site, port) as base:
        page.goto(base + "tools/value/")
        expect(page.locator('[data-worksheet="value"]')).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
        wait_for_service_worker(page)
        page.reload()  # now under the worker: it has answered the core worker's files from its cache
        expect(page.locator('[data-worksheet="value"]')).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
        assert [w.url.rsplit("/", 1)[-1] for w in page.workers if "core-worker" in w.url] == [old_worker]

        # The next release changes the core's worker and the page's text; the administrator swaps the folders.
        source = project_copy / "overrides/assets/crossdept/modules/entries/core-worker.js"
        source.write_text(source.read_text(encoding="utf-8") + '\nself.crossdeptRelease = "second";\n', encoding="utf-8")
        page_source = project_copy / "docs/tools/value.md"
        page_source.write_text(page_source.read_text(encoding="utf-8").replace("# 价值量化计算器", "# 价值量化计算器（第二版）", 1), encoding="utf-8")
        fresh = tmp_path / "fresh"
        # A release as make builds it, with the start-up snapshot: the core is unchanged, so the
        # project's cache of snapshots already holds it.
        done = build_site(fresh, site_url=base, config=project_copy / "mkdocs.yml", snapshot=True)
        assert done.returncode == 0, done.stderr
        new_worker = next((fresh / "assets/crossdept").glob("core-worker.*.js")).name
        assert new_worker != old_worker
        site.rename(tmp_path / "previous")
        fresh.rename(site)

        page.reload()

        # The page itself is fresh, not the copy the worker kept, and so is the code it runs.
        expect(page.locator("article h1")).to_contain_text("价值量化计算器（第二版）")
        expect(page.locator('[data-worksheet="value"]')).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
        assert [w.url.rsplit("/", 1)[-1] for w in page.workers if "core-worker" in w.url] == [new_worker]


def test_at_a_hosts_root_the_worker_leaves_another_application_alone(sw_site, sw_context, tmp_path):
    _, built = sw_site
    host = tmp_path / "host"
    shutil.copytree(built, host)
    (host / "other-app").mkdir()
    (host / "other-app/index.html").write_text('<!doctype html><meta charset="utf-8"><title>other</title><h1>另一个系统</h1>', encoding="utf-8")
    port = free_port()
    page, base = cached_course(sw_context, port, host)

    with serve_site(host, port):
        page.goto(base + "other-app/")
        expect(page.locator("h1")).to_have_text("另一个系统")
        cached = page.evaluate(
            "async () => (await Promise.all((await caches.keys()).map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat()"
        )
    assert cached and not [url for url in cached if "other-app" in url]

    # With the server gone, the other application is not answered from the course's cache.
    with pytest.raises(PlaywrightError):
        page.goto(base + "other-app/")


def test_two_copies_of_the_course_on_one_host_keep_separate_data_and_caches(sw_site, sw_context, tmp_path):
    _, built = sw_site
    host = tmp_path / "host"
    for name in ("course", "course-staging"):
        shutil.copytree(built, host / name)
    page = sw_context.new_page()
    with serve_site(host) as root:
        page.goto(root + "course/tools/value/")
        page.get_by_label("每月流失客户数").fill("200")
        wait_for_service_worker(page)
        page.goto(root + "course-staging/tools/value/")
        expect(page.get_by_label("每月流失客户数")).to_have_value("")
        page.get_by_label("每月流失客户数").fill("35")
        wait_for_service_worker(page)

        page.goto(root + "course/tools/value/")

        expect(page.get_by_label("每月流失客户数")).to_have_value("200")
        keys = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('crossdept@'))")
        assert keys and all(re.match(r"crossdept@/course(-staging)?/:", k) for k in keys)
        names = page.evaluate("caches.keys()")
        assert {n.split(":")[1] for n in names} == {"/course/", "/course-staging/"}
        scopes = page.evaluate("navigator.serviceWorker.getRegistrations().then((rs) => rs.map((r) => new URL(r.scope).pathname))")
        assert sorted(scopes) == ["/course-staging/", "/course/"]


def runtime_megabytes(site) -> str:
    folder = next((site / "assets/pyodide").iterdir())
    names = ("pyodide.mjs.js", "pyodide.asm.mjs.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
    sizes = [(folder / f"{name}.gz" if f"{name}.gz" in FETCHED else folder / name).stat().st_size for name in names]
    wheel = next((site / "assets/crossdept").glob("crossdept-*.whl")).stat().st_size
    return f"{math.floor((sum(sizes) + wheel) / 1e5 + 0.5) / 10:g}"  # as JavaScript rounds


def test_offline_with_nothing_kept_a_worksheet_offers_the_runtime_for_offline_use(sw_site, sw_context):
    port, site = sw_site
    page, _ = cached_course(sw_context, port, site)  # chapters only: the runtime was never downloaded
    with serve_site(site, port) as base:
        sw_context.set_offline(True)
        page.goto(base + "tools/value/")
        sheet = page.locator('[data-worksheet="value"]')
        expect(sheet).to_have_attribute("data-core", "failed", timeout=CORE_TIMEOUT_MS)
        expect(sheet.locator(".cd-status")).to_contain_text("工作表需要联网打开一次")
        offer = sheet.locator(".cd-keep-runtime")
        # What the worker downloads: Pyodide's large files gzip'd, the rest as they are, and the core.
        expect(offer).to_have_text(f"联网后可下载计算核心供离线使用（约 {runtime_megabytes(site)} MB）")
        expect(offer).to_be_disabled()
        # The form's first computation, due 200 ms after it is drawn, asks the core once more and
        # fails too; going online before it would let that retry start the core on its own.
        expect(sheet).to_have_attribute("data-computed", "unavailable")

        sw_context.set_offline(False)
        page.evaluate("window.dispatchEvent(new Event('online'))")  # what the browser fires when the network returns
        expect(offer).to_be_enabled()
        offer.click()

        expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
        expect(sheet.locator(".cd-status")).to_contain_text("断网时也能使用")
