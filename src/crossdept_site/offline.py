"""Write ``site/sw.js``: the service worker with this build's manifest.

Paths in the manifest are relative to the course's folder (the worker's scope), so one build works
under any path of any host. ``build`` is a hash of every file of the site, so any change makes a
new worker and new caches.

- ``precache``: what a reader needs to read the whole course offline (pages, search, styles, the
  small scripts): fetched when the worker installs.
- ``immutable``: files named by their content hash (or in Pyodide's versioned folder): served from
  the cache without asking the server, since a new build gives them new names.
- ``runtime``: the large files of the worksheets' runtime (Pyodide, the core wheel, the snapshot),
  as the core's worker fetches them (the ``.gz`` copy where there is one): kept from the page's own
  download on first use, never downloaded a second time for the cache.
- ``top``: the names at the top of the course's folder. At a host's root the worker's scope is the
  whole host; a request whose first path segment is none of these belongs to another application
  and is left alone.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .compress import FETCHED_COMPRESSED
from .pyodide_runtime import served_name

TEMPLATE = Path(__file__).with_name("service_worker.js")
RUNTIME = re.compile(r"^assets/pyodide/|^assets/crossdept/crossdept-.+\.whl$|^assets/crossdept/core-[0-9a-f]{16}\.snap\.gz$")
HASHED = re.compile(
    r"^assets/crossdept/(core-worker|worksheets|site)\.[A-Z0-9]{8}\.js$"
    r"|^assets/(javascripts|stylesheets)/(.+/)?[^/]+\.[0-9a-f]{8}\.min\.(js|css)$"
    r"|^assets/crossdept/xlsx/[^/]+\.whl$"
)
# Only the readers who export to Excel need these: cached when first used, not at install.
ON_DEMAND = re.compile(r"^assets/crossdept/xlsx/")
SKIP = ("sw.js", "sitemap.xml", "sitemap.xml.gz")


# The core's worker asks for the gzip'd copy of some runtime files (x.wasm.gz beside x.wasm;
# crossdept_site/compress.py): that copy is what is kept, the plain one is not.
FETCHED = {f"{served_name(name)}.gz" for name in FETCHED_COMPRESSED}


def fetched_by_worker(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    if name.endswith(".gz") and not name.endswith(".snap.gz"):
        return base in FETCHED
    return f"{base}.gz" not in FETCHED


LUNR = "assets/javascripts/lunr/"


def lunr_files_used(site: Path) -> set[str]:
    """The files of ``assets/javascripts/lunr/`` that Material's search worker loads for the site's
    search languages (workers/search/main.ts, ``setupSearchLanguages``): the stemmer support,
    ``lunr.<lang>`` for each language but English, ``lunr.multi`` for more than one, tinyseg for
    Japanese and wordcut for Hindi and Thai. Material copies every language's file (0.9 MB, wordcut
    alone 0.7 MB); a reader's browser never asks for the others, so it does not precache them."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return set()
    languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    used = {f"{LUNR}min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    used |= {f"{LUNR}tinyseg.js" for lang in languages if lang == "ja"}
    used |= {f"{LUNR}wordcut.js" for lang in languages if lang in ("hi", "th")}
    if len(languages) > 1:
        used.add(f"{LUNR}min/lunr.multi.min.js")
    if languages:
        used.add(f"{LUNR}min/lunr.stemmer.support.min.js")
    return used


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name not in SKIP)


def service_worker_manifest(site: Path) -> dict:
    files = site_files(site)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update(hashlib.sha256((site / name).read_bytes()).digest())
    runtime = [name for name in files if RUNTIME.search(name) and fetched_by_worker(name)]
    immutable = [name for name in files if RUNTIME.search(name) or HASHED.search(name)]
    lunr = lunr_files_used(site)
    precache = [
        "./" if name == "index.html" else name.removesuffix("index.html")
        for name in files
        # Nothing of the runtime's folders: the worker's own download keeps what it uses (the plain
        # twin of a .gz it fetches is never asked for, and must not cost a reader 9.6 MB).
        if not RUNTIME.search(name) and not ON_DEMAND.search(name) and not name.endswith((".map", ".gz")) and (not name.startswith(LUNR) or name in lunr)
    ]
    top = sorted({name.split("/", 1)[0] for name in files} | set(SKIP))
    return {"build": digest.hexdigest()[:16], "precache": precache, "immutable": immutable, "runtime": runtime, "top": top}


def write_service_worker(site: Path) -> dict:
    manifest = service_worker_manifest(site)
    script = TEMPLATE.read_text(encoding="utf-8").replace("__MANIFEST__", json.dumps(manifest, ensure_ascii=False))
    (site / "sw.js").write_text(script, encoding="utf-8")
    return manifest
