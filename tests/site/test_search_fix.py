"""The build's two changes to Material's search worker (search_fix.py): a Chinese word typed whole
is looked up whole, and the index is built on the first real query instead of on every page load.
Both fail the build loudly if Material's code changed."""

from __future__ import annotations

import json
import subprocess

import pytest

from crossdept_site.search_fix import FIXES, LAZY_INDEX, SEGMENTATION, SearchFixFailed, fix_search_worker

# Runs the built worker in node as a browser would run it, with Material's messages: SETUP (0) with
# an index, then QUERY (2) messages; prints each reply and how often the index's documents were read.
DRIVE_WORKER = r"""
const vm = require("node:vm");
const fs = require("node:fs");
const path = require("node:path");
const replies = [];
let reads = 0;
const imported = [];
const docs = [{ location: "day48/", title: "情感银行", text: "存款 取款" }, { location: "tools/", title: "资源地图", text: "负责人" }];
const data = { options: { suggest: false }, config: JSON.parse(process.argv[2]) }; // the site's own
Object.defineProperty(data, "docs", { get: () => { reads++; return docs; } });
let listener = null;
const workerFile = process.argv[1];
const scope = { console, addEventListener: (type, fn) => { listener = fn; }, postMessage: (m) => replies.push(m) };
scope.self = scope;
// As a browser does: the scripts load, synchronously, into the worker's global scope.
scope.importScripts = (...urls) => urls.forEach((url) => {
  imported.push(path.basename(url));
  vm.runInContext(fs.readFileSync(path.resolve(path.dirname(workerFile), url), "utf8"), scope);
});
vm.createContext(scope);
vm.runInContext(fs.readFileSync(workerFile, "utf8"), scope);
(async () => {
  const send = async (message) => { listener({ data: message }); await new Promise((r) => setTimeout(r, 50)); return { reads, imported: imported.length }; };
  const after = [await send({ type: 0, data }), await send({ type: 2, data: "" }), await send({ type: 2, data: "情感银行" }), await send({ type: 2, data: "负责人" })];
  console.log(JSON.stringify({ replies, after, imported }));
})();
"""


def found(reply: dict) -> list[str]:
    return [doc["location"] for group in reply["data"]["items"] for doc in group]


def worker_of(site):
    (worker,) = (site / "assets/javascripts/workers").glob("search.*.min.js")
    return worker


def test_the_built_search_worker_carries_both_changes(built_site):
    code = worker_of(built_site).read_text(encoding="utf-8")

    for fix in FIXES:
        assert fix.after in code, fix.name
        assert fix.before not in code, fix.name


def test_the_built_worker_loads_its_language_and_reads_the_index_on_the_first_query_with_text_then_finds_by_it(built_site):
    config = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    done = subprocess.run(["node", "-e", DRIVE_WORKER, str(worker_of(built_site)), json.dumps(config)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)

    setup, empty, first, second = seen["replies"]
    assert setup == {"type": 1}  # ready at once
    assert empty == {"type": 3, "data": {"items": []}}
    assert found(first) == ["day48/"]  # the Chinese word typed whole
    assert found(second) == ["tools/"]
    after_setup, after_empty, after_first, after_second = seen["after"]
    # A page load that never searches builds nothing and loads nothing (a page left while its
    # worker loaded lunr's scripts logged an error for them).
    assert after_setup == after_empty == {"reads": 0, "imported": 0}
    assert after_first["reads"] > 0
    assert seen["imported"] == ["lunr.stemmer.support.min.js", "lunr.zh.min.js"]
    assert after_second == after_first  # built and loaded once


def test_a_worker_without_the_known_code_fails_the_fix_naming_the_file(tmp_path):
    workers = tmp_path / "assets/javascripts/workers"
    workers.mkdir(parents=True)
    (workers / "search.0000.min.js").write_text("function segment(){/* rewritten upstream */}", encoding="utf-8")

    with pytest.raises(SearchFixFailed, match="search_fix.py"):
        fix_search_worker(tmp_path)


@pytest.mark.parametrize("kept", FIXES, ids=lambda fix: fix.name)
def test_a_worker_where_one_change_no_longer_applies_fails_naming_it(tmp_path, kept):
    workers = tmp_path / "assets/javascripts/workers"
    workers.mkdir(parents=True)
    (workers / "search.0000.min.js").write_text(f"a;{kept.before};b", encoding="utf-8")

    missing = next(fix for fix in FIXES if fix is not kept)
    with pytest.raises(SearchFixFailed, match=missing.name):
        fix_search_worker(tmp_path)


def test_fixing_twice_is_harmless(tmp_path):
    workers = tmp_path / "assets/javascripts/workers"
    workers.mkdir(parents=True)
    worker = workers / "search.0000.min.js"
    worker.write_text(f"a;{SEGMENTATION.before}&&x;{LAZY_INDEX.before};b", encoding="utf-8")

    fix_search_worker(tmp_path)
    fix_search_worker(tmp_path)

    assert worker.read_text(encoding="utf-8") == f"a;{SEGMENTATION.after}&&x;{LAZY_INDEX.after};b"
