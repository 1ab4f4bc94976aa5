"""Gzip'd copies of the runtime's large files, shipped beside them (``file.gz`` next to ``file``).

The core's worker fetches the ``.gz`` and decompresses it in the browser (``DecompressionStream``),
so a static server with no compression configured sends 3.8 MB instead of 11 MB. The names are
those nginx ``gzip_static`` (and Apache/IIS equivalents) look for, so a server configured to send
precompressed files uses the same copies for the plain names. Compressing the 9.6 MB wasm at level
9 takes seconds, so each copy is kept in a cache named by the hash of its source.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from pathlib import Path

from .pyodide_runtime import served_name

# The npm package's names. The wasm and the lock file shrink 3.5–4.8×, and the core's worker fetches
# their `.gz` itself. pyodide.asm.mjs (1.2 MB, 4×) must be imported by its own URL: importing
# decompressed bytes would need a blob: URL, which the sites' Content-Security-Policy
# (`script-src 'self'`) rightly refuses; its `.gz` serves the servers that send precompressed files
# (nginx `gzip_static`, hosting/). python_stdlib.zip is already deflated (2.55 → 2.50 MB): no copy.
FETCHED_COMPRESSED = ("pyodide.asm.wasm", "pyodide-lock.json")
COMPRESSED = (*FETCHED_COMPRESSED, "pyodide.asm.mjs")


def gzip_bytes(data: bytes) -> bytes:
    """Level 9, no timestamp: the same input always gives the same file (and the same site hash)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def compressed_copies(package_dir: Path, names: tuple[str, ...], cache_dir: Path) -> dict[str, Path]:
    """The gzip'd copy of each of ``names`` in ``package_dir``, made once into ``cache_dir``."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    copies = {}
    for name in names:
        data = (package_dir / name).read_bytes()
        cached = cache_dir / f"{name}.{hashlib.sha256(data).hexdigest()[:16]}.gz"
        if not cached.is_file():
            partial = cached.with_suffix(f".{os.getpid()}.partial")  # builds may run side by side
            partial.write_bytes(gzip_bytes(data))
            partial.replace(cached)
            for stale in cache_dir.glob(f"{name}.*.gz"):
                if stale != cached:
                    stale.unlink()
        copies[name] = cached
    return copies


def write_beside(copies: dict[str, Path], target: Path) -> int:
    """Write each copy as ``<served name>.gz`` into ``target``; returns the compressed bytes."""
    for name, cached in copies.items():
        shutil.copyfile(cached, target / f"{served_name(name)}.gz")
    return sum(cached.stat().st_size for cached in copies.values())
