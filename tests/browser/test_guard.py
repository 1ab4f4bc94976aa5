"""The guard every browser test relies on: a request for another host never leaves the machine, and
the test sees it; the test server answers with the sample nginx configuration's headers."""

from __future__ import annotations

from urllib.request import urlopen

from bench.serve import sample_headers
from tests.browser.conftest import reader_context, watch


def test_a_request_for_another_host_fails_in_the_browser_and_is_recorded(browser, site):
    """Outside the course's policy, which would stop these first: a page of no site, loading from a
    host name and from an address."""
    context = reader_context(browser)
    try:
        record = watch(context)
        why = {}
        context.on("requestfailed", lambda request: why.setdefault(request.url, request.failure))
        page = context.new_page()
        page.set_content(f'<img src="http://example.com/x.png"><img src="http://10.1.2.3/x.png"><img src="{site}assets/images/favicon.png">')

        loaded = page.evaluate("""async () => Promise.all([...document.images].map((img) => img.decode().then(() => "loaded", () => "failed")))""")

        assert loaded == ["failed", "failed", "loaded"]
        assert sorted(record.outside) == ["http://10.1.2.3/x.png", "http://example.com/x.png"]
        # Stopped by the browser (its proxy, NOWHERE), not by this machine having no network.
        assert why == dict.fromkeys(record.outside, "net::ERR_PROXY_CONNECTION_FAILED")
    finally:
        context.close()


def test_the_test_server_sends_what_the_sample_nginx_configuration_sends(site, site_build):
    policy = dict(sample_headers()("/"))["Content-Security-Policy"]
    worker = next((site_build[0] / "assets/crossdept").glob("core-worker.*.js")).relative_to(site_build[0]).as_posix()

    for path, cache in (("", "no-cache"), ("tools/value/", "no-cache"), ("sw.js", "no-cache"), (worker, "public, max-age=31536000, immutable")):
        with urlopen(site + path) as response:
            assert response.headers["Cache-Control"] == cache, path
            assert response.headers["Content-Security-Policy"] == policy, path
            assert response.headers["X-Content-Type-Options"] == "nosniff", path
