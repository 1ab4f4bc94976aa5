"""Copy the Pyodide runtime from the npm package into the site: only the files a page needs.

Pyodide's two ES modules (``.mjs``) are shipped under a ``.js`` name: stock web servers do not all
know the ``.mjs`` type (Debian's nginx 1.22 sends it as ``application/octet-stream``, and the
browser refuses to run a module of that type), while every server sends ``.js`` as JavaScript.
The core's worker imports them by these names (``entries/core-worker.js``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


# The name each file has in the site, where it differs from the npm package's.
SERVED_AS = {"pyodide.mjs": "pyodide.mjs.js", "pyodide.asm.mjs": "pyodide.asm.mjs.js"}


def served_name(name: str) -> str:
    return SERVED_AS.get(name, name)


class MissingRuntime(Exception):
    """The npm package is not installed (``npm ci`` has not run)."""


def runtime_version(package_dir: Path) -> str:
    manifest = package_dir / "package.json"
    if not manifest.is_file():
        raise MissingRuntime(f"{package_dir} is missing: run `npm ci` (or `make site`) to install Pyodide")
    missing = [name for name in RUNTIME_FILES if not (package_dir / name).is_file()]
    if missing:
        raise MissingRuntime(f"{package_dir} lacks {', '.join(missing)}: reinstall with `npm ci`")
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def runtime_bytes(package_dir: Path, packed: dict[str, int] | None = None) -> int:
    """The bytes a page downloads for Pyodide (what a reader is told before keeping it offline):
    ``packed`` gives the size of each file the worker fetches compressed instead."""
    packed = packed or {}
    return sum(packed.get(name) or (package_dir / name).stat().st_size for name in RUNTIME_FILES)


def copy_runtime(package_dir: Path, target: Path) -> int:
    """Copy the runtime files, skipping those already up to date; returns the bytes in ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shipped = {served_name(name) for name in RUNTIME_FILES}
    for stale in target.iterdir():  # an older build's names (pyodide.mjs) must not linger
        if stale.name not in shipped and not stale.name.endswith(".gz"):
            stale.unlink()
    total = 0
    for name in RUNTIME_FILES:
        source, dest = package_dir / name, target / served_name(name)
        stat = source.stat()
        if not dest.exists() or dest.stat().st_size != stat.st_size or dest.stat().st_mtime < stat.st_mtime:
            shutil.copy2(source, dest)
        total += stat.st_size
    return total
