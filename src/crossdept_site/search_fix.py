"""Let Material's search find a Chinese word typed whole.

Material's search worker segments a run of Han characters greedily against the index, but its loop
stops one character short (``j < query.length``): a query is never looked up as a whole, so
「换位思考」 is searched as 「换* 位* 思*」 and ranks every page with 换进 or 换算 above the one section
that treats 换位思考. Upstream tracks query segmentation in squidfunk/mkdocs-material#3915.

The build rewrites that one comparison in the worker it copied. If a Material upgrade changes the
code, the pattern is not found and the build fails, naming this file, so the fix is checked again
instead of silently lost.
"""

from __future__ import annotations

from pathlib import Path

WORKERS = "assets/javascripts/workers"
# The minified loop of `segment()` (material/templates/.../search/query/segment/index.ts).
BEFORE = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
AFTER = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


class SearchFixFailed(Exception):
    pass


def fix_search_segmentation(site: Path) -> Path:
    """Patch the search worker in ``site``; return its path."""
    workers = sorted((site / WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise SearchFixFailed(f"crossdept: expected one Material search worker in {WORKERS}, found {len(workers)} (see search_fix.py)")
    worker = workers[0]
    code = worker.read_text(encoding="utf-8")
    if AFTER in code and BEFORE not in code:
        return worker  # a build into a folder that already holds the fixed worker
    if code.count(BEFORE) != 1:
        raise SearchFixFailed(f"crossdept: Material's search worker changed; check the segmentation fix in search_fix.py against {worker.name}")
    worker.write_text(code.replace(BEFORE, AFTER), encoding="utf-8")
    return worker
