"""Write ``site/sw.js``: the service worker with this build's manifest.

``build`` is a hash of every file of the site, so any change makes a new worker and new caches.
``precache`` lists the small files a reader needs to read the whole course offline; ``immutable``
lists the large, versioned runtime files (Pyodide, the core wheel, the snapshot, the Excel writer), which the worker
caches on first use instead of making every reader download them up front.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

TEMPLATE = Path(__file__).with_name("service_worker.js")
IMMUTABLE_PREFIXES = ("assets/pyodide/", "assets/crossdept/crossdept-", "assets/crossdept/core-", "assets/crossdept/xlsx/")
SKIP = ("sw.js", "sitemap.xml", "sitemap.xml.gz")


def write_service_worker(site: Path) -> dict:
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name not in SKIP)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update(hashlib.sha256((site / name).read_bytes()).digest())
    immutable = [name for name in files if name.startswith(IMMUTABLE_PREFIXES)]
    precache = [
        "./" if name == "index.html" else name.removesuffix("index.html") for name in files if name not in immutable and not name.endswith((".map", ".gz"))
    ]
    manifest = {"build": digest.hexdigest()[:16], "precache": precache, "immutable": immutable}
    script = TEMPLATE.read_text(encoding="utf-8").replace("__MANIFEST__", json.dumps(manifest, ensure_ascii=False))
    (site / "sw.js").write_text(script, encoding="utf-8")
    return manifest
