"""Two changes to Material's search worker, made in the copy the build writes.

- **A Chinese word typed whole is found.** Material's worker segments a run of Han characters
  greedily against the index, but its loop stops one character short (``j < query.length``): a
  query is never looked up as a whole, so 「换位思考」 is searched as 「换* 位* 思*」 and ranks every
  page with 换进 or 换算 above the one section that treats 换位思考. Upstream tracks query
  segmentation in squidfunk/mkdocs-material#3915.
- **The index is built when the reader first searches, not on every page load.** Material builds
  its lunr index from the whole course as soon as a page loads in full (and asks an empty query
  at once), about 0.3 s of CPU here, more on a phone, spent beside a worksheet's core start by
  every reader, most of whom never search on that page. The worker now answers the set-up at once
  and builds the index on the first query with text in it; an empty query finds nothing either way.
  The search language's scripts (lunr's stemmer support and lunr.zh) are loaded then as well, not
  at set-up: a page left while its worker was still loading them logged an error for it.

If a Material upgrade changes the code, a pattern is not found and the build fails, naming this
file, so the changes are checked again instead of silently lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

WORKERS = "assets/javascripts/workers"


@dataclass(frozen=True)
class Fix:
    name: str
    before: str
    after: str


# The minified loop of `segment()` (material/templates/.../search/query/segment/index.ts).
SEGMENTATION = Fix("the segmentation fix", "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e", "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e")
# The SETUP case of the worker's handler (workers/search/main.ts): `await setupSearchLanguages(config)`
# (importScripts of the language's lunr files) and `index = new Search(data)`. The stand-in does both
# on the first query that is not blank, and replaces itself with the real index. importScripts is
# synchronous, and `Ie` (an async function compiled to a generator) calls it before its first
# `yield`, so the languages are in place when the index is built.
LAZY_INDEX = Fix(
    "the lazy index",
    "return yield Ie(t.data.config),de=new U(t.data),{type:1}",
    r"return de={search:e=>/\S/.test(e)?(Ie(t.data.config),de=new U(t.data)).search(e):{items:[]}},{type:1}",
)
FIXES = (SEGMENTATION, LAZY_INDEX)


class SearchFixFailed(Exception):
    pass


def fix_search_worker(site: Path) -> Path:
    """Make every change of ``FIXES`` to the search worker in ``site``; return its path."""
    workers = sorted((site / WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise SearchFixFailed(f"crossdept: expected one Material search worker in {WORKERS}, found {len(workers)} (see search_fix.py)")
    worker = workers[0]
    code = worker.read_text(encoding="utf-8")
    for fix in FIXES:
        if fix.after in code and fix.before not in code:
            continue  # a build into a folder that already holds the fixed worker
        if code.count(fix.before) != 1:
            raise SearchFixFailed(f"crossdept: Material's search worker changed; check {fix.name} in search_fix.py against {worker.name}")
        code = code.replace(fix.before, fix.after)
    worker.write_text(code, encoding="utf-8")
    return worker
