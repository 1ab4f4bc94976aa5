"""A memory snapshot of a warm interpreter with the core imported, made at build time with node.

Loading it lets a page skip most of Pyodide's start-up. Its name is a hash of everything it was
made from (the core wheel and the Pyodide runtime files), so a page can never pair it with
another build of either; made snapshots are kept in ``.cache/snapshots`` so an unchanged core
(``mkdocs serve`` rebuilds) costs nothing.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import time
from pathlib import Path

from .pyodide_runtime import RUNTIME_FILES

SCRIPT = Path(__file__).with_name("make_snapshot.mjs")


class SnapshotFailed(Exception):
    """node could not make the snapshot."""


def snapshot_name(wheel: bytes, pyodide_dir: Path) -> str:
    digest = hashlib.sha256(wheel)
    for name in RUNTIME_FILES:
        digest.update((pyodide_dir / name).read_bytes())
    return f"core-{digest.hexdigest()[:16]}.snap.gz"


def make_snapshot(name: str, wheel_path: Path, pyodide_dir: Path, cache_dir: Path) -> tuple[Path, float]:
    """The snapshot file (made now, or taken from the cache) and the seconds spent making it."""
    cached = cache_dir / name
    if cached.is_file():
        return cached, 0.0
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")
    began = time.perf_counter()
    node = shutil.which("node")
    if node is None:
        raise SnapshotFailed("node is not on PATH (it comes with npm, which the build needs anyway)")
    done = subprocess.run(
        [node, str(SCRIPT), str(pyodide_dir.resolve()), str(wheel_path.resolve()), str(partial)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not partial.is_file():
        raise SnapshotFailed(f"node {SCRIPT.name} failed: {done.stderr.strip()[-800:]}")
    partial.replace(cached)
    for stale in cache_dir.glob("core-*.snap.gz"):
        if stale != cached:
            stale.unlink()
    return cached, time.perf_counter() - began
