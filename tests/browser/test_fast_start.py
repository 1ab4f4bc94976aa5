"""Fast start: the worksheet starts from the build's snapshot, falls back when it cannot, and the
service worker makes a repeat visit work without a network (that it still shows a rebuilt site is
proven with the redeployed worker code, in test_service_worker.py)."""

from __future__ import annotations

import gzip
import re

import pytest
from playwright.sync_api import expect

from bench.serve import serve_site
from tests.browser.conftest import CORE_TIMEOUT_MS, runtime_call, type_in_search, wait_for_runtime, wait_for_service_worker
from tests.conftest import copy_of_site


def ready_value_page(page, url):
    """Open the value calculator and type the course's figures at once, as a reader need not wait
    for the core: it computes 600万 from them when it is ready."""
    page.goto(url + "tools/value/")
    page.get_by_label("每月流失客户数").fill("200")
    page.get_by_label("每位客户每年价值（LTV）").fill("2500")
    sheet = page.locator('[data-worksheet="value"]')
    expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator('[data-output="annual_loss_display"]')).to_have_text("600万")
    return sheet


def test_a_missing_snapshot_falls_back_to_a_normal_start(page, site, traffic):
    traffic.expected_failures.add(".snap.gz")
    page.route(re.compile(r".*\.snap\.gz$"), lambda route: route.fulfill(status=404, body="gone"))

    ready_value_page(page, site)

    assert runtime_call(page, "rt.coreStatus().snapshot") is False


# Broken bytes (a gzip cut short, plain text, no snapshot's magic number) are refused before Pyodide
# sees them, by the checks tests/js/snapshot-bytes.test.mjs runs; the missing snapshot above takes
# that path in the browser. This one passes those checks and Pyodide itself refuses it: a snapshot
# of another Pyodide build, as a proxy or a half-finished upgrade could send. The worker must start
# Pyodide again, bare, after a start that failed half-way.
def test_a_snapshot_of_another_pyodide_build_falls_back_to_a_normal_start(page, site, traffic, built_site):
    snapshot = bytearray(gzip.decompress(next((built_site / "assets/crossdept").glob("core-*.snap.gz")).read_bytes()))
    snapshot[16] ^= 0xFF  # the build id Pyodide compares with its own (words 4 to 11 of the header)
    stale = gzip.compress(bytes(snapshot), compresslevel=1)
    page.route(re.compile(r".*\.snap\.gz$"), lambda route: route.fulfill(status=200, body=stale))

    ready_value_page(page, site)

    assert runtime_call(page, "rt.coreStatus().snapshot") is False


@pytest.fixture
def own_site(tmp_path, site_build):
    """A site on a server of this test's own, which the test can stop (the network is gone)."""
    return copy_of_site(site_build, tmp_path / "site")


def test_a_repeat_visit_works_offline_worksheet_included(own_site, sw_context):
    port, target = own_site
    page = sw_context.new_page()
    with serve_site(target, port) as base:
        ready_value_page(page, base)
        assert runtime_call(page, "rt.coreStatus().snapshot") is True  # the first visit starts fast too
        wait_for_service_worker(page)
        # The runtime is kept once the worksheet is ready; wait until the service worker says it has it all.
        wait_for_runtime(page, "rt.coreStatus().kept === true")

    offline = sw_context.new_page()
    sheet = ready_value_page(offline, base)

    assert runtime_call(offline, "rt.coreStatus().snapshot") is True
    offline.goto(base + "kp325/obstacles/")
    expect(offline.locator("h1")).to_contain_text("障碍")
    assert sheet  # the worksheet computed 600万 with no server at all
    # Search too: its index and the language support it loads were kept when the worker installed.
    expect(type_in_search(offline, "情感银行").first).to_contain_text("情感银行", timeout=30_000)
