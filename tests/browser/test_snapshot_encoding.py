"""A snapshot served with "Content-Encoding: gzip" (as object stores send .gz files) reaches the
core's worker already unzipped by the browser: it is used as it is, not thrown away."""

from __future__ import annotations

import functools
import http.server
import threading

from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS, runtime_call


class ObjectStore(http.server.SimpleHTTPRequestHandler):
    """Sends .gz files as their content, gzip-encoded, the way S3-like stores often do."""

    def end_headers(self):
        if self.path.endswith(".snap.gz"):
            self.send_header("Content-Encoding", "gzip")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002
        pass


def test_a_snapshot_sent_with_content_encoding_gzip_is_still_used(page, built_site, traffic):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(ObjectStore, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    snapshot = base + "assets/crossdept/" + next((built_site / "assets/crossdept").glob("core-*.snap.gz")).name
    try:
        page.goto(base + "tools/value/")

        expect(page.locator('[data-worksheet="value"]')).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
        assert runtime_call(page, "rt.coreStatus().snapshot") is True
        # The premise: what a fetch gets from this server is already unzipped (no gzip magic number).
        first = page.evaluate("async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer()).slice(0, 2)]", snapshot)
        assert first != [0x1F, 0x8B]
    finally:
        server.shutdown()
