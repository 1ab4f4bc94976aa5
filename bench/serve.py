"""A static server for the built site on a free local port, and how to launch Debian's chromium here.

Shared by the browser tests and the bench tools. For the benchmark it can also play a slower link
(``Link``: bandwidth shared by every connection, and a round trip before each response), which
applies to every request whoever makes it (page, worker, service worker), count the bytes it sends
(``Counter``), and behave like a server that compresses (``compress=True``)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import mimetypes
import os
import re
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

CHROMIUM = "/usr/bin/chromium"
# Chromium's headless shell (Debian's chromium-headless-shell, the same release): what Playwright
# itself runs for headless tests. Measured here, a context with a page costs 0.11 s of CPU against
# 0.47 s in the full browser, and a worksheet page with its core 1.9 s against 3.2 s: the full
# browser draws its window's own interface off screen. The tests use it; the benchmark keeps the
# browser readers have.
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
NGINX_SAMPLE = Path(__file__).resolve().parents[1] / "hosting" / "nginx.conf"
CHUNK = 16 * 1024
BURST_S = 0.05
# What a server with `gzip on` compresses on the fly (nginx's gzip_types plus wasm, as in the issue).
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".xml", ".svg", ".txt", ".wasm")
TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript"}  # what Python's mimetypes may not know


@dataclass
class Link:
    """A network link: `mbps` shared by all connections (None: unlimited), `rtt_ms` before each response."""

    name: str
    mbps: float | None = None
    rtt_ms: float = 0.0
    _free_at: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, write, data: bytes) -> None:
        """Write ``data`` no faster than the link allows; concurrent responses share it."""
        for start in range(0, len(data), CHUNK):
            chunk = data[start : start + CHUNK]
            if self.mbps:
                with self._lock:
                    # A link idle for a moment may send a short burst: a sleep that overslept on a
                    # busy machine is made up, so the rate holds on average.
                    begin = max(time.perf_counter() - BURST_S, self._free_at)
                    self._free_at = begin + len(chunk) * 8 / (self.mbps * 1e6)
                    until = self._free_at
                delay = until - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            write(chunk)


@dataclass
class Counter:
    """Bytes of response bodies the server sent, per path, since the last ``reset``."""

    sent: dict[str, int] = field(default_factory=dict)
    last: float = 0.0
    sending: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, size: int) -> None:
        with self._lock:
            self.sent[path] = self.sent.get(path, 0) + size
            self.last = time.perf_counter()
            self.sending += 1

    def done(self) -> None:
        with self._lock:
            self.last = time.perf_counter()
            self.sending -= 1

    def reset(self) -> None:
        with self._lock:
            self.sent = {}

    def total(self, *, only=lambda path: True) -> int:
        with self._lock:
            return sum(size for path, size in self.sent.items() if only(path))

    def wait_idle(self, seconds: float = 1.0, timeout: float = 120.0) -> None:
        """Return once nothing was sent for ``seconds`` (the page's downloads are over)."""
        began = time.perf_counter()
        while (self.sending or time.perf_counter() - max(self.last, began) < seconds) and time.perf_counter() - began < timeout:
            time.sleep(0.1)


def sample_headers(conf: Path = NGINX_SAMPLE) -> Callable[[str], list[tuple[str, str]]]:
    """The headers the sample nginx configuration adds to the answer for a URL path: its
    Cache-Control map (a year for hashed names, revalidation for the rest) and its ``add_header``
    lines (the Content-Security-Policy among them). Read from the file the hosting tests run, so a
    local server answers as a course hosted with it does."""
    text = conf.read_text(encoding="utf-8")
    block = re.search(r"map \$uri \$crossdept_cache_control \{(.*?)\n\}", text, re.DOTALL).group(1)
    default = re.search(r'default\s+"([^"]+)"', block).group(1)
    rules = [(re.compile(pattern), value) for pattern, value in re.findall(r'"~([^"]+)"\s+"([^"]+)"', block)]
    fixed = [(name, quoted or bare) for name, quoted, bare in re.findall(r'add_header ([\w-]+) (?:"([^"]*)"|([^\s;]+)) always;', text)]

    def headers(path: str) -> list[tuple[str, str]]:
        cache = next((value for pattern, value in rules if pattern.search(path)), default)
        return [(name, cache if value.startswith("$") else value) for name, value in fixed]

    return headers


class _Quiet(http.server.SimpleHTTPRequestHandler):
    link: Link | None = None
    counter: Counter | None = None
    compress = False
    headers_for: Callable[[str], list[tuple[str, str]]] | None = None

    def end_headers(self):
        if self.headers_for is not None:
            for name, value in self.headers_for(self.path.split("?")[0]):
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002
        pass

    def do_GET(self):  # noqa: N802
        if self.link and self.link.rtt_ms:
            time.sleep(self.link.rtt_ms / 1000)
        if self.compress and self._send_compressed():
            return
        super().do_GET()

    def copyfile(self, source, outputfile):
        self._body(source.read())

    def _body(self, data: bytes) -> None:
        if self.counter is not None:
            self.counter.add(self.path.split("?")[0], len(data))
        try:
            if self.link:
                self.link.send(self.wfile.write, data)
            else:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away (a page closed mid-download): nothing more to send
        finally:
            if self.counter is not None:
                self.counter.done()

    def _send_compressed(self) -> bool:
        """Like Apache's AddEncoding (a `.gz` is sent as what it holds, Content-Encoding: gzip) and
        nginx's `gzip on` (text and wasm compressed per request). False: serve it the plain way."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        if path.suffix == ".gz":
            body = path.read_bytes()
        elif path.suffix in COMPRESSIBLE:
            body = gzip.compress(path.read_bytes(), 6)
        else:
            return False
        name = path.name.removesuffix(".gz")
        kind = TYPES.get(Path(name).suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
        self.end_headers()
        self._body(body)
        return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that closes a connection mid-download (a page left, a test ended) is no error of
    the server's: say nothing, instead of a traceback per connection in every test log."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_site(
    directory: Path,
    port: int | None = None,
    *,
    link: Link | None = None,
    counter: Counter | None = None,
    compress: bool = False,
    hosted: bool = True,
) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 until the block ends; yields the base URL. ``hosted``: with
    the headers of the sample nginx configuration (``sample_headers``): the course's policy holds on
    every page the tests open, and a browser caches and revalidates as it does for readers."""
    port = port or free_port()
    extra = sample_headers() if hosted else None
    handler = type("Handler", (_Quiet,), {"link": link, "counter": counter, "compress": compress, "headers_for": staticmethod(extra) if extra else None})
    if link:
        handler.protocol_version = "HTTP/1.1"  # keep-alive, as a real server: one round trip per request
    server = QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()
