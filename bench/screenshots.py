"""Screenshots of every page at 1280 px and 390 px, for a person to look at (``make screenshots``).

Serves ``site/`` on a free local port, loads the course's worked example into the project
workbook, fills the value worksheet with the course's figures and loads the part-8 example into
the conflict diagnosis and the negotiation planner, so the screenshots show results, and writes
PNGs to ``screenshots/``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serve import CHROMIUM, CHROMIUM_FLAGS, serve_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
EXAMPLE = {"每月流失客户数": "200", "每位客户每年价值（LTV）": "2500", "需要的投入": "20万", "预计带来的收入": "500万"}


def page_paths(site: Path) -> list[str]:
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if "assets" not in p.parts and "search" not in p.parts
    )


def load_worked_example(page, base: str) -> None:
    """The 智能服务升级 project of the chapter in the workbook, so the three tools show their analysis."""
    page.goto(base + "tools/workbook/")
    button = page.get_by_role("button", name="载入课程示例（智能服务升级）")
    if button.count():
        page.wait_for_selector("[data-worksheet][data-core=ready]", timeout=60_000)
        button.click()
        page.wait_for_selector("[data-worksheet][data-computed]", timeout=60_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="substring of the page paths to shoot")
    parser.add_argument("--full", action="store_true", help="whole page instead of the first screen")
    args = parser.parse_args()
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    with serve_site(ROOT / "site") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
            page = context.new_page()
            load_worked_example(page, base)
            for path in page_paths(ROOT / "site"):
                if args.only and args.only not in path:
                    continue
                page.goto(base + path)
                for label, value in EXAMPLE.items():
                    field = page.get_by_label(label)
                    if field.count():
                        field.fill(value)
                sheets = page.locator("[data-worksheet]")
                if sheets.count():
                    page.wait_for_selector("[data-worksheet][data-core=ready]", timeout=60_000)
                    example = page.get_by_role("button", name="载入课程示例", exact=True)
                    if example.count():  # a form with the course's part-8 case: show it filled
                        page.once("dialog", lambda dialog: dialog.accept())
                        example.click()
                        page.wait_for_selector('.cd-outputs[data-state="current"]', timeout=60_000)
                    if page.locator(".cd-grid").count():  # a workbook table: wait for its analysis
                        page.wait_for_selector("[data-worksheet] .cd-results .cd-card", timeout=60_000)
                    page.wait_for_timeout(500)
                target = out / f"{(path.strip('/') or 'home').replace('/', '-')}-{name}.png"
                page.screenshot(path=str(target), full_page=args.full)
                print(target.relative_to(ROOT))
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
