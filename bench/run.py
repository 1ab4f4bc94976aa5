"""Benchmark figures (``make bench``): printed, never pass/fail — timings here are noisy.

Median of 5 fresh browser contexts each, in one run:
- worksheet page: time from navigation until the worksheet is ``data-core="ready"``;
- bare page: time until ``loadPyodide`` resolves on a page that only loads the same files;
- their ratio (target ≤ 1.3), and the bytes a chapter page downloads (target: no Pyodide bytes).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serve import CHROMIUM, CHROMIUM_FLAGS, serve_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5

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
import { loadPyodide } from "/assets/pyodide/__VERSION__/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: "/assets/pyodide/__VERSION__/", packageBaseUrl: "/assets/pyodide/__VERSION__/" });
window.bareReady = performance.now();
</script>"""


def _fresh(browser, base):
    context = browser.new_context()
    version = next((ROOT / "site/assets/pyodide").iterdir()).name
    page = BARE_PAGE.replace("__VERSION__", version)
    context.route(base + "__bare.html", lambda route: route.fulfill(body=page, content_type="text/html"))
    return context, context.new_page()


def worksheet_ready_ms(browser, base) -> float:
    context, page = _fresh(browser, base)
    page.goto(base + "tools/value/")
    ms = page.evaluate(READY_PROBE)
    context.close()
    return ms


def bare_ready_ms(browser, base) -> float:
    context, page = _fresh(browser, base)
    page.goto(base + "__bare.html")
    page.wait_for_function("window.bareReady !== undefined", timeout=120_000)
    ms = page.evaluate("window.bareReady")
    context.close()
    return ms


def chapter_bytes(browser, base) -> tuple[int, int]:
    context, page = _fresh(browser, base)
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda r: sizes.__setitem__(r.url, r.sizes()["responseBodySize"]))
    page.goto(base + "day48/")
    page.wait_for_load_state("networkidle")
    context.close()
    pyodide = sum(size for url, size in sizes.items() if "pyodide" in url or url.endswith(".whl"))
    return sum(sizes.values()), pyodide


def main() -> None:
    with serve_site(ROOT / "site") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        sheet = [worksheet_ready_ms(browser, base) for _ in range(RUNS)]
        bare = [bare_ready_ms(browser, base) for _ in range(RUNS)]
        total, pyodide = chapter_bytes(browser, base)
        browser.close()
    sheet_ms, bare_ms = statistics.median(sheet), statistics.median(bare)
    print(f"worksheet page ready (median of {RUNS}):  {sheet_ms:7.0f} ms   runs: {', '.join(f'{x:.0f}' for x in sheet)}")
    print(f"bare loadPyodide ready (median of {RUNS}): {bare_ms:7.0f} ms   runs: {', '.join(f'{x:.0f}' for x in bare)}")
    print(f"ratio worksheet / bare:                   {sheet_ms / bare_ms:7.2f}   (target ≤ 1.3)")
    print(f"chapter page download:                    {total / 1024:7.0f} KiB, of which Pyodide/core {pyodide} bytes (target 0)")


if __name__ == "__main__":
    main()
