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
import shutil
from pathlib import Path

# pyodide.asm.mjs, its wasm and the lock file shrink 3.5–4.8×; python_stdlib.zip is already
# deflated (2.55 → 2.50 MB), so it is sent as it is.
COMPRESSED = ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide-lock.json")


def gzip_bytes(data: bytes) -> bytes:
    """Level 9, no timestamp: the same input always gives the same file (and the same site hash)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def compress_beside(folder: Path, names: tuple[str, ...], cache_dir: Path) -> int:
    """Write ``name.gz`` beside each of ``names`` in ``folder``; returns the compressed bytes."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for name in names:
        source = folder / name
        data = source.read_bytes()
        cached = cache_dir / f"{name}.{hashlib.sha256(data).hexdigest()[:16]}.gz"
        if not cached.is_file():
            partial = cached.with_suffix(".partial")
            partial.write_bytes(gzip_bytes(data))
            partial.replace(cached)
            for stale in cache_dir.glob(f"{name}.*.gz"):
                if stale != cached:
                    stale.unlink()
        shutil.copyfile(cached, folder / f"{name}.gz")
        total += cached.stat().st_size
    return total
