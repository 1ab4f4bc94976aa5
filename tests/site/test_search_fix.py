"""The build fixes Material's Chinese query segmentation, and fails loudly if it cannot."""

from __future__ import annotations

import pytest

from crossdept_site.search_fix import AFTER, BEFORE, SearchFixFailed, fix_search_segmentation


def test_the_built_search_worker_looks_a_whole_word_up(built_site):
    (worker,) = (built_site / "assets/javascripts/workers").glob("search.*.min.js")
    code = worker.read_text(encoding="utf-8")

    assert AFTER in code
    assert BEFORE not in code


def test_a_worker_without_the_known_code_fails_the_fix_naming_the_file(tmp_path):
    workers = tmp_path / "assets/javascripts/workers"
    workers.mkdir(parents=True)
    (workers / "search.0000.min.js").write_text("function segment(){/* rewritten upstream */}", encoding="utf-8")

    with pytest.raises(SearchFixFailed, match="search_fix.py"):
        fix_search_segmentation(tmp_path)


def test_fixing_twice_is_harmless(tmp_path):
    workers = tmp_path / "assets/javascripts/workers"
    workers.mkdir(parents=True)
    worker = workers / "search.0000.min.js"
    worker.write_text(f"a;{BEFORE}&&x;b", encoding="utf-8")

    fix_search_segmentation(tmp_path)
    fix_search_segmentation(tmp_path)

    assert worker.read_text(encoding="utf-8") == f"a;{AFTER}&&x;b"
