"""Benchmark figures (``make bench``): printed, never pass/fail — timings here are noisy, so
every figure is a median over fresh browser contexts, compared with a baseline from the same run.

- cold: a worksheet page until ``data-core="ready"``, against a bare page that only runs
  ``loadPyodide`` from the same files (targets: ratio ≤ 0.35 with the snapshot);
- repeat visit: the same page again in the same context, service worker active (target < 1 s);
- second worksheet page after instant navigation (target < 100 ms);
- the bytes a chapter page downloads (target: no Pyodide bytes);
- snapshot size raw and gzip'd, and build time with and without the snapshot;
- recompute time per edit on 200-row tools (bench/recompute.py), when present;
- typing in 50-row tables: last keystroke to results, long main-thread tasks (bench/typing_speed.py).
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serve import CHROMIUM, CHROMIUM_FLAGS, free_port, serve_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
PYODIDE_VERSION = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]

# Resolves when the first worksheet reports ready, with the time since navigation started.
READY_PROBE = """
() => new Promise((resolve) => {
  const done = () => resolve(performance.now());
  const sheet = document.querySelector('[data-worksheet]');
  if (sheet.dataset.core === 'ready') return done();
  new MutationObserver(() => sheet.dataset.core === 'ready' && done())
    .observe(sheet, { attributes: true, attributeFilter: ['data-core'] });
})
"""

BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>bare</title><script type="module">
import { loadPyodide } from "/assets/pyodide/__VERSION__/pyodide.mjs.js";
import createPyodideModule from "/assets/pyodide/__VERSION__/pyodide.asm.mjs.js";
const pyodide = await loadPyodide({ indexURL: "/assets/pyodide/__VERSION__/", packageBaseUrl: "/assets/pyodide/__VERSION__/", createPyodideModule });
window.bareReady = performance.now();
</script>"""


def build(target: Path, site_url: str, *, snapshot: bool) -> float:
    """Seconds for ``mkdocs build`` into ``target`` (snapshot from scratch, no cache)."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "CROSSDEPT_SNAPSHOT": str(snapshot).lower()}
    with tempfile.TemporaryDirectory() as cache:
        config = ROOT / "mkdocs.yml"
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(target)],
            cwd=ROOT,
            env={**env, "CROSSDEPT_SNAPSHOT_CACHE": cache},
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - began


def new_context(browser, base, *, service_workers="block"):
    context = browser.new_context(service_workers=service_workers)
    page = BARE_PAGE.replace("__VERSION__", PYODIDE_VERSION)
    context.route(base + "__bare.html", lambda route: route.fulfill(body=page, content_type="text/html"))
    return context


def worksheet_ready_ms(browser, base) -> float:
    context = new_context(browser, base)
    page = context.new_page()
    page.goto(base + "tools/value/")
    ms = page.evaluate(READY_PROBE)
    context.close()
    return ms


def bare_ready_ms(browser, base) -> float:
    context = new_context(browser, base)
    page = context.new_page()
    page.goto(base + "__bare.html")
    page.wait_for_function("window.bareReady !== undefined", timeout=120_000)
    ms = page.evaluate("window.bareReady")
    context.close()
    return ms


def repeat_visit_ms(browser, base) -> float:
    """Second visit in the same context, once the service worker keeps the runtime."""
    context = new_context(browser, base, service_workers="allow")
    page = context.new_page()
    page.goto(base + "tools/value/")
    page.evaluate(READY_PROBE)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    page.wait_for_function("async () => (await (await caches.open('crossdept-runtime')).keys()).length >= 7", timeout=60_000)
    page.close()
    again = context.new_page()
    again.goto(base + "tools/value/")
    ms = again.evaluate(READY_PROBE)
    context.close()
    return ms


def second_page_ms(browser, base) -> float | None:
    """Instant navigation from one worksheet page to another: the worker is already warm."""
    context = new_context(browser, base)
    page = context.new_page()
    page.goto(base + "tools/value/")
    page.evaluate(READY_PROBE)
    links = page.locator(".md-nav a[href*='tools/']:not([href$='tools/value/'])")
    if not links.count():
        context.close()
        return None
    began = page.evaluate("performance.now()")
    links.first.click()
    page.wait_for_function("document.querySelector('[data-worksheet]:not([data-mounted])') === null && !location.pathname.endsWith('tools/value/')")
    ms = page.evaluate(READY_PROBE) - began
    context.close()
    return ms


def chapter_bytes(browser, base) -> tuple[int, int]:
    context = new_context(browser, base)
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda r: sizes.__setitem__(r.url, r.sizes()["responseBodySize"]))
    page.goto(base + "day48/")
    page.wait_for_load_state("networkidle")
    context.close()
    pyodide = sum(size for url, size in sizes.items() if "pyodide" in url or url.endswith((".whl", ".snap.gz")))
    return sum(sizes.values()), pyodide


def median_line(label: str, runs: list[float], unit: str = "ms") -> float:
    middle = statistics.median(runs)
    print(f"{label:<46}{middle:8.0f} {unit}   runs: {', '.join(f'{x:.0f}' for x in runs)}")
    return middle


def main() -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as scratch:
        # Built here for this server's own origin, so instant navigation stays on.
        without = build(Path(scratch) / "plain", url, snapshot=False)
        site = Path(scratch) / "site"
        with_snapshot = build(site, url, snapshot=True)
        snapshot = next((site / "assets/crossdept").glob("core-*.snap.gz"), None)
        with serve_site(site, port) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            cold = median_line(f"worksheet page ready, cold (median of {RUNS})", [worksheet_ready_ms(browser, base) for _ in range(RUNS)])
            bare = median_line(f"bare loadPyodide ready (median of {RUNS})", [bare_ready_ms(browser, base) for _ in range(RUNS)])
            print(f"{'ratio cold / bare':<46}{cold / bare:8.2f}      (target ≤ 0.35)")
            median_line(f"repeat visit ready, service worker (median of {RUNS})", [repeat_visit_ms(browser, base) for _ in range(RUNS)])
            second = [second_page_ms(browser, base) for _ in range(RUNS)]
            if None not in second:
                median_line(f"second worksheet page, instant nav (median of {RUNS})", second)
            total, pyodide = chapter_bytes(browser, base)
            print(f"{'chapter page download':<46}{total / 1024:8.0f} KiB, of which Pyodide/core {pyodide} bytes (target 0)")
            browser.close()
        if snapshot:
            raw = len(gzip.decompress(snapshot.read_bytes()))
            print(f"{'snapshot size raw / gzip':<46}{raw / 1e6:8.1f} MB / {snapshot.stat().st_size / 1e6:.1f} MB")
    print(f"{'build time without / with snapshot':<46}{without:8.1f} s / {with_snapshot:.1f} s")
    recompute = ROOT / "bench/recompute.py"
    if recompute.exists():
        print()
        subprocess.run([sys.executable, str(recompute)], cwd=ROOT, check=False)
    print()
    subprocess.run([sys.executable, "-m", "bench.typing_speed"], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
