"""Debian's stock Apache 2.4 serving a built site with the repo's ``hosting/apache.htaccess``, on a
free port as a process of the test's own: what an intranet administrator would set up, for the
browser tests.

``apache_site(site_dir, prefix="/course/")`` is a context manager yielding the course's base URL.
As an administrator would, it puts the course in a folder of the web root named like the path
(``<root>/course/``), copies the repo's file into it as ``.htaccess`` with the path filled in, and
lets ``.htaccess`` files change only what the file's header says they need (``AllowOverride``).
The main configuration around it is the least Apache needs: the modules the file's header names,
Debian's stock ``mime.conf``/``deflate.conf``/``dir.conf`` (types from ``/etc/mime.types``), pid and
logs in a temporary folder. The course folder is a hard-linked copy of ``site_dir``, so one build
can be served at several paths at once and the build folder is never written to.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

from tests.browser.nginx import wait_for_port
from tests.conftest import ROOT

APACHE = "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")
STOCK = Path("/etc/apache2/mods-available")
MIME_TYPES = "/etc/mime.types"
CONFIG = ROOT / "hosting" / "apache.htaccess"
# What the sample file's header asks of the administrator, no more: a test that needs more fails.
ALLOW_OVERRIDE = "FileInfo Options=Indexes"
# mod_headers is required; mod_substitute (404 page served from another path than it was built
# for) and mod_deflate (compression) are optional, and enabled here to test what they do.
LOADED = ("mpm_event", "authz_core", "mime", "dir", "headers", "filter", "deflate", "setenvif", "substitute")

MAIN = """\
ServerRoot {tmp}
DefaultRuntimeDir {tmp}
PidFile {tmp}/apache.pid
ErrorLog {tmp}/error.log
LogLevel warn
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
{user}{modules}
Include {stock}/mime.conf
Include {stock}/deflate.conf
Include {stock}/dir.conf
Include {stock}/setenvif.conf

DocumentRoot {tmp}/www
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {tmp}/www>
    AllowOverride {allow_override}
    Require all granted
</Directory>
AccessFileName .htaccess
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>
"""


def available() -> bool:
    stock = all((STOCK / f"{name}.conf").is_file() for name in ("mime", "deflate", "dir", "setenvif"))
    return Path(APACHE).is_file() and all((MODULES / f"mod_{name}.so").is_file() for name in LOADED) and Path(MIME_TYPES).is_file() and stock


def htaccess(prefix: str, config: Path = CONFIG) -> str:
    """The repo's sample file with the course's path (``/course/`` in its directives) filled in."""
    assert prefix.startswith("/") and prefix.endswith("/"), prefix
    lines = config.read_text(encoding="utf-8").splitlines()
    filled = [line if line.lstrip().startswith("#") else line.replace("/course/", prefix) for line in lines]
    assert filled != lines or prefix == "/course/", "the sample no longer names /course/: update this helper"
    return "\n".join(filled) + "\n"


def _user_directive() -> str:
    # Apache refuses to serve as root: started by root, its workers run as www-data, who can read
    # the course folder (made world-readable below) but not the test's private temporary folders.
    if os.geteuid() != 0:
        return ""
    return "User www-data\nGroup www-data\n"


def _linked_copy(site_dir: Path, target: Path) -> None:
    def link(source: str, destination: str) -> None:
        try:
            os.link(source, destination)
        except OSError:  # another file system
            shutil.copy2(source, destination)

    shutil.copytree(site_dir, target, copy_function=link)
    for folder, _, _ in os.walk(target):
        os.chmod(folder, 0o755)


@contextlib.contextmanager
def apache_site(site_dir: Path, *, port: int | None = None, prefix: str = "/course/", config: Path = CONFIG) -> Iterator[str]:
    """Serve ``site_dir`` at ``prefix`` with the repo's ``.htaccess``; yields the course's URL."""
    from bench.serve import free_port

    port = port or free_port()
    tmp = Path(tempfile.mkdtemp(prefix="crossdept-apache-"))
    os.chmod(tmp, 0o755)
    course = tmp / "www" / prefix.strip("/") if prefix != "/" else tmp / "www"
    course.parent.mkdir(parents=True, exist_ok=True)
    _linked_copy(site_dir, course)
    os.chmod(tmp / "www", 0o755)
    (course / ".htaccess").write_text(htaccess(prefix, config), encoding="utf-8")
    modules = "".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so\n" for name in LOADED)
    main = MAIN.format(tmp=tmp, port=port, user=_user_directive(), modules=modules, stock=STOCK, allow_override=ALLOW_OVERRIDE)
    (tmp / "apache.conf").write_text(main, encoding="utf-8")
    command = [APACHE, "-d", str(tmp), "-f", str(tmp / "apache.conf")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    if check.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        raise RuntimeError(f"apache2 -t rejected the configuration:\n{check.stderr}")
    process = subprocess.Popen([*command, "-DFOREGROUND"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process, tmp / "error.log", "apache2")
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
