"""Debian's stock nginx serving a built site with the repo's ``hosting/nginx.conf``, as the current
user on a free port: what an intranet administrator would run, for the browser tests.

``nginx_site(site_dir, prefix="/course/")`` is a context manager yielding the course's base URL.
The main configuration around the repo's file is the least nginx needs to run unprivileged (pid,
logs and temporary files in a temporary folder) and includes the stock ``/etc/nginx/mime.types``.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

from tests.conftest import ROOT

NGINX = "/usr/sbin/nginx"
CONFIG = ROOT / "hosting" / "nginx.conf"
MIME_TYPES = "/etc/nginx/mime.types"

MAIN = """\
{user}worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    sendfile on;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
{extra}
    include {tmp}/course.conf;
}}
"""


def _user_directive() -> str:
    # Started by root, nginx's workers would drop to "nobody", who cannot read a test's private
    # temporary folder: keep them as the current user, as they are for anyone else.
    if os.geteuid() != 0:
        return ""
    return f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};\n"


def available() -> bool:
    return Path(NGINX).is_file() and Path(MIME_TYPES).is_file()


def course_config(*, port: int, prefix: str, root: Path, config: Path = CONFIG) -> str:
    """The repo's sample configuration with its three values filled in."""
    assert prefix.startswith("/") and prefix.endswith("/"), prefix
    return config.read_text(encoding="utf-8").replace("@PORT@", str(port)).replace("@PREFIX@", prefix).replace("@ROOT@", f"{root.resolve()}/")


def wait_for_port(port: int, process: subprocess.Popen, log: Path, name: str = "nginx") -> None:
    """Wait until the server ``process`` listens on ``port``; its error ``log`` goes in the message if not."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}: {log.read_text(errors='replace') if log.exists() else ''}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)  # polling a port that is not open yet; no test outcome depends on it
    raise RuntimeError(f"{name} did not listen on {port}: {log.read_text(errors='replace') if log.exists() else ''}")


@contextlib.contextmanager
def nginx_site(site_dir: Path, *, port: int | None = None, prefix: str = "/course/", config: Path = CONFIG, extra: str = "") -> Iterator[str]:
    """Serve ``site_dir`` at ``prefix`` with the repo's nginx configuration; yields the course's URL.

    ``extra`` is added to the ``http`` block (another app on the same host, for example)."""
    from bench.serve import free_port

    port = port or free_port()
    tmp = Path(tempfile.mkdtemp(prefix="crossdept-nginx-"))
    (tmp / "course.conf").write_text(course_config(port=port, prefix=prefix, root=site_dir, config=config), encoding="utf-8")
    (tmp / "nginx.conf").write_text(MAIN.format(user=_user_directive(), tmp=tmp, mime_types=MIME_TYPES, extra=extra), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf")], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"nginx -t rejected the configuration:\n{check.stderr}")
    process = subprocess.Popen(
        [NGINX, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process, tmp / "error.log")
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
