"""Benchmark figures (``make bench``): printed, never pass/fail — timings here are noisy, so
every figure is a median over fresh browser contexts, compared with a baseline from the same run.

For three links (localhost; 20 Mbps / 40 ms; 5 Mbps / 80 ms), played by the server itself
(bench.serve.Link: bandwidth shared by every connection, a round trip before each response), so
they apply to every request, the core's worker and the service worker included, and the bytes are
counted where they are sent:

- bare start: a page that only runs ``loadPyodide`` from the same (uncompressed) files;
- worksheet ready: a worksheet page until ``data-core="ready"``, fresh context; the ratio to bare;
  bytes sent until ready, and how the worker chose to start (snapshot or bare);
- repeat visit: the same page again in the same context, service worker active (target ≤ 0.8 s);
- second worksheet page after instant navigation (target ≤ 100 ms);
- the Pyodide bytes a chapter page costs (target: 0);
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
from bench.serve import CHROMIUM, CHROMIUM_FLAGS, Counter, Link, free_port, serve_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_VERSION = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
PROFILES = [Link("localhost"), Link("20 Mbps / 40 ms", mbps=20, rtt_ms=40), Link("5 Mbps / 80 ms", mbps=5, rtt_ms=80)]
RUNS = 5  # fresh contexts per cold figure
FEW = 3  # runs of the figures that need a first visit before the one measured
WAIT_MS = 300_000

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
STATUS = "async () => (await import(document.querySelector('script[type=module][src*=\"/worksheets.\"]').src)).coreStatus()"

BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>bare</title><script type="module">
import { loadPyodide } from "/assets/pyodide/__VERSION__/pyodide.mjs.js";
import createPyodideModule from "/assets/pyodide/__VERSION__/pyodide.asm.mjs.js";
const pyodide = await loadPyodide({ indexURL: "/assets/pyodide/__VERSION__/", packageBaseUrl: "/assets/pyodide/__VERSION__/", createPyodideModule });
window.bareReady = performance.now();
</script>"""

is_pyodide = lambda path: path.startswith("/assets/pyodide/") or path.endswith((".whl", ".snap.gz"))  # noqa: E731


def build(target: Path, site_url: str, *, snapshot: bool) -> float:
    """Seconds for ``mkdocs build`` into ``target`` (snapshot from scratch, no cache)."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "CROSSDEPT_SNAPSHOT": str(snapshot).lower()}
    with tempfile.TemporaryDirectory() as cache:
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(target)],
            cwd=ROOT,
            env={**env, "CROSSDEPT_SNAPSHOT_CACHE": cache},
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - began


class Bench:
    def __init__(self, browser, base: str, counter: Counter) -> None:
        self.browser, self.base, self.counter = browser, base, counter

    def context(self, *, service_workers="block"):
        context = self.browser.new_context(service_workers=service_workers)
        context.set_default_timeout(WAIT_MS)
        page = BARE_PAGE.replace("__VERSION__", PYODIDE_VERSION)
        context.route(self.base + "__bare.html", lambda route: route.fulfill(body=page, content_type="text/html"))
        return context

    def settle(self) -> None:
        """Let the previous run's downloads end before the next starts (they share the link)."""
        self.counter.wait_idle(seconds=0.5)
        self.counter.reset()

    def bare(self) -> tuple[float, int]:
        self.settle()
        context = self.context()
        page = context.new_page()
        page.goto(self.base + "__bare.html")
        page.wait_for_function("window.bareReady !== undefined", timeout=WAIT_MS)
        ms = page.evaluate("window.bareReady")
        sent = self.counter.total()
        context.close()
        return ms, sent

    def worksheet(self) -> tuple[float, int, str]:
        self.settle()
        context = self.context()
        page = context.new_page()
        page.goto(self.base + "tools/value/")
        ms = page.evaluate(READY_PROBE)
        sent = self.counter.total()
        start = page.evaluate(STATUS)["start"]
        context.close()
        return ms, sent, start

    def repeat(self) -> tuple[float, int]:
        """Second visit in the same context, once the first visit's downloads (and the service
        worker's) are over."""
        self.settle()
        context = self.context(service_workers="allow")
        page = context.new_page()
        page.goto(self.base + "tools/value/")
        page.evaluate(READY_PROBE)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=WAIT_MS)
        self.counter.wait_idle(seconds=2.0, timeout=WAIT_MS / 1000)
        page.close()
        self.counter.reset()
        again = context.new_page()
        again.goto(self.base + "tools/value/")
        ms = again.evaluate(READY_PROBE)
        sent = self.counter.total(only=is_pyodide)
        context.close()
        return ms, sent

    def second_page(self) -> float:
        """Instant navigation from one worksheet page to another: the worker is already warm."""
        self.settle()
        context = self.context()
        page = context.new_page()
        page.goto(self.base + "tools/value/")
        page.evaluate(READY_PROBE)
        began = page.evaluate("performance.now()")
        page.locator(".md-nav a[href$='tools/resources/']").first.click()
        page.wait_for_function("location.pathname.endsWith('tools/resources/') && document.querySelector('[data-worksheet=\"resources\"]')")
        ms = page.evaluate(READY_PROBE) - began
        context.close()
        return ms

    def chapter(self) -> tuple[int, int]:
        self.settle()
        context = self.context()
        page = context.new_page()
        page.goto(self.base + "day48/")
        page.wait_for_load_state("networkidle")
        self.counter.wait_idle(seconds=0.5)
        context.close()
        return self.counter.total(), self.counter.total(only=is_pyodide)


def line(label: str, value: str, runs: str = "") -> None:
    print(f"  {label:<44}{value:>16}   {runs}")


def median_ms(label: str, runs: list[float]) -> float:
    middle = statistics.median(runs)
    line(label, f"{middle:,.0f} ms", "runs: " + ", ".join(f"{x:.0f}" for x in runs))
    return middle


def megabytes(sent: list[int]) -> str:
    return f"{statistics.median(sent) / 1e6:.1f} MB"


def profile(bench: Bench, link: Link, *, chapter: bool) -> dict:
    print(f"\n{link.name}")
    bare = [bench.bare() for _ in range(RUNS)]
    cold = [bench.worksheet() for _ in range(RUNS)]
    bare_ms = median_ms(f"bare loadPyodide ready (median of {RUNS})", [ms for ms, _ in bare])
    cold_ms = median_ms(f"worksheet page ready, cold (median of {RUNS})", [ms for ms, _, _ in cold])
    line("ratio worksheet / bare", f"{cold_ms / bare_ms:.2f}")
    line("bytes sent: bare / worksheet until ready", f"{megabytes([b for _, b in bare])} / {megabytes([b for _, b, _ in cold])}")
    line("how the worker started", ", ".join(sorted({s for _, _, s in cold})))
    repeat = [bench.repeat() for _ in range(FEW)]
    repeat_ms = median_ms(f"repeat visit ready, service worker (median of {FEW})", [ms for ms, _ in repeat])
    line("Pyodide bytes sent on the repeat visit", megabytes([b for _, b in repeat]))
    second = median_ms(f"second worksheet page, instant nav (median of {FEW})", [bench.second_page() for _ in range(FEW)])
    figures = {"bare": bare_ms, "cold": cold_ms, "repeat": repeat_ms, "second": second, "bytes": statistics.median(b for _, b, _ in cold)}
    if chapter:
        total, pyodide = bench.chapter()
        line("chapter page: all bytes / Pyodide bytes", f"{total / 1024:,.0f} KiB / {pyodide}")
    return figures


def main() -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    only = sys.argv[1:]  # e.g. `python bench/run.py localhost` for one profile
    with tempfile.TemporaryDirectory() as scratch:
        # Built here for this server's own origin, so instant navigation uses Material's own path.
        without = build(Path(scratch) / "plain", url, snapshot=False)
        site = Path(scratch) / "site"
        with_snapshot = build(site, url, snapshot=True)
        snapshot = next((site / "assets/crossdept").glob("core-*.snap.gz"), None)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            for link in PROFILES:
                if only and not any(word in link.name for word in only):
                    continue
                counter = Counter()
                # Without the nginx sample's headers, as the figures in the README were measured
                # (its year-long caching would change what a repeat visit asks the server for).
                with serve_site(site, port, link=link, counter=counter, hosted=False) as base:
                    profile(Bench(browser, base, counter), link, chapter=link.mbps is None)
            browser.close()
        print()
        if snapshot:
            raw = len(gzip.decompress(snapshot.read_bytes()))
            line("snapshot size raw / gzip", f"{raw / 1e6:.1f} MB / {snapshot.stat().st_size / 1e6:.1f} MB")
    line("build time without / with snapshot", f"{without:.1f} s / {with_snapshot:.1f} s")
    recompute = ROOT / "bench/recompute.py"
    if recompute.exists() and not only:
        print()
        subprocess.run([sys.executable, str(recompute)], cwd=ROOT, check=False)
    print()
    subprocess.run([sys.executable, "-m", "bench.typing_speed"], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
