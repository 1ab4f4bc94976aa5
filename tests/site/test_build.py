"""The build: strict, self-contained, and loud about broken worksheet definitions."""

from __future__ import annotations

import gzip
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import ROOT, build_in_process

# Pyodide's .mjs modules under a .js name: every stock server sends .js as JavaScript.
RUNTIME = ("pyodide.mjs.js", "pyodide.asm.mjs.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
COMPRESSED = ("pyodide.asm.mjs.js", "pyodide.asm.wasm", "pyodide-lock.json")  # also shipped as name.gz


def test_the_site_holds_the_pyodide_runtime_and_nothing_else_of_the_npm_package(built_site):
    versions = list((built_site / "assets/pyodide").iterdir())
    shipped = sorted(p.name for p in versions[0].iterdir())

    assert [v.name for v in versions] == ["314.0.7"]

    assert shipped == sorted(RUNTIME + tuple(f"{name}.gz" for name in COMPRESSED))


def test_each_compressed_copy_decodes_to_the_very_bytes_beside_it_and_is_much_smaller(built_site):
    folder = next((built_site / "assets/pyodide").iterdir())

    for name in COMPRESSED:
        packed = (folder / f"{name}.gz").read_bytes()
        plain = (folder / name).read_bytes()

        assert gzip.decompress(packed) == plain, name
        assert len(packed) < len(plain) / 2.5, name


def test_the_bundle_tells_the_worker_which_files_come_compressed_and_the_address_built_for(built_site):
    bundle = next((built_site / "assets/crossdept").glob("worksheets.*.js")).read_text(encoding="utf-8")

    assert re.search(r'"?compressed"?:\["pyodide\.asm\.wasm","pyodide-lock\.json"\]', bundle)
    assert re.search(r'"?built_for"?:\{"?port"?:"\d+","?path"?:"/"\}', bundle)


def test_the_address_built_for_is_told_as_the_browser_would_see_its_port_and_path():
    from crossdept_site.plugin import built_for

    assert built_for("http://127.0.0.1:8000/") == {"port": "8000", "path": "/"}
    assert built_for("http://intranet:80/course/") == {"port": "", "path": "/course/"}
    assert built_for("https://course.example") == {"port": "", "path": "/"}
    assert built_for(None) == {}


def test_the_site_holds_the_core_as_a_wheel_named_by_its_content(built_site):
    wheels = list((built_site / "assets/crossdept").glob("crossdept-*.whl"))

    assert len(wheels) == 1
    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "crossdept/api.py" in names
    assert any(n.endswith(".dist-info/METADATA") for n in names)
    assert not any(n.startswith("crossdept_site/") for n in names)


def test_the_runtime_bundle_points_at_the_shipped_wheel_worker_and_pyodide(built_site):
    assets = built_site / "assets/crossdept"
    wheel = next(assets.glob("crossdept-*.whl")).name
    worker = next(assets.glob("core-worker.*.js")).name
    bundle = next(assets.glob("worksheets.*.js")).read_text(encoding="utf-8")

    assert f'"assets/crossdept/{wheel}"' in bundle
    assert f'"assets/crossdept/{worker}"' in bundle
    assert '"assets/pyodide/314.0.7/"' in bundle


def test_a_worksheet_page_loads_the_runtime_and_a_chapter_page_only_the_small_site_script(built_site):
    def ours(page: str) -> list[str]:
        parser = _References()
        parser.feed((built_site / page / "index.html").read_text(encoding="utf-8"))
        # Material's own inline scripts moved to files (for the CSP) and the file:// notice are classic
        # scripts of a few hundred bytes; the runtime's bundles are what this test is about.
        return [u.rsplit("/", 1)[-1] for u in parser.urls if "assets/crossdept/" in u and u.endswith(".js") and "/material/" not in u and not u.endswith("/file-notice.js")]

    chapter, tool = ours("day48"), ours("tools/value")

    assert len(chapter) == 1 and chapter[0].startswith("site.")
    assert (built_site / "assets/crossdept" / chapter[0]).stat().st_size < 8_000
    assert sorted(n.split(".")[0] for n in tool) == ["site", "worksheets"]


def test_no_inline_script_of_ours_and_no_global_of_ours(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "crossdeptBoot" not in text and "window.crossdept" not in text, page
    for script in (built_site / "assets/crossdept").glob("*.js"):
        assert "window.crossdept" not in script.read_text(encoding="utf-8"), script.name


def test_every_kind_of_worksheet_the_core_defines_has_a_renderer():
    from crossdept.definitions import KINDS

    mount = (ROOT / "overrides/assets/crossdept/modules/mount.js").read_text(encoding="utf-8")
    block = mount[mount.index("export const KINDS = {"):mount.index("};", mount.index("export const KINDS = {"))]

    assert sorted(re.findall(r"^\s+(\w+): mount\w+,$", block, re.MULTILINE)) == sorted(KINDS)


class _References(HTMLParser):
    """Every URL the page makes the browser fetch: scripts, styles, images, fonts, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href") and {"stylesheet", "preload", "icon", "modulepreload", "manifest"} & set((attrs.get("rel") or "").split()):
            self.urls.append(attrs["href"])
        if attrs.get("style"):
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", attrs["style"])


def _outside(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url.strip()))


def test_no_page_references_an_asset_outside_the_site(built_site):
    offenders = []
    for page in built_site.rglob("*.html"):
        parser = _References()
        parser.feed(page.read_text(encoding="utf-8"))
        offenders += [f"{page.relative_to(built_site)}: {u}" for u in parser.urls if _outside(u)]

    assert offenders == []


def test_no_stylesheet_loads_fonts_or_images_from_outside(built_site):
    offenders = []
    for sheet in built_site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8", errors="ignore")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        offenders += [f"{sheet.relative_to(built_site)}: {u}" for u in urls if _outside(u)]

    assert offenders == []


def test_our_own_scripts_name_no_outside_url(built_site):
    for script in (built_site / "assets/crossdept").glob("*.js"):
        text = script.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")  # SVG's namespace, not a request
        assert not re.search(r"https?://", text), script.name


def test_no_google_fonts_or_cdn_anywhere_in_the_html(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        assert "cdn.jsdelivr" not in text and "unpkg.com" not in text, page


def test_a_chapter_page_carries_no_worksheet(built_site):
    html = (built_site / "day48/index.html").read_text(encoding="utf-8")

    assert "cd-worksheet" not in html


def test_an_invalid_worksheet_definition_fails_the_build_naming_file_and_field(project_copy, tmp_path):
    (project_copy / "worksheets/broken.yml").write_text(
        "id: broken\nkind: form\ntitle: 坏的\naction: quantify\nfields:\n  - key: a\n    label: A\n    type: nmber\noutputs:\n  - key: x\n    label: X\n",
        encoding="utf-8",
    )

    done = build_in_process(project_copy / "mkdocs.yml", tmp_path / "out")

    assert done.returncode != 0
    assert "worksheets/broken.yml" in done.stderr
    assert "fields[0].type" in done.stderr and "nmber" in done.stderr


def test_a_quiz_answer_that_is_not_an_option_fails_the_build(project_copy, tmp_path):
    (project_copy / "worksheets/quiz-bad.yml").write_text(
        "id: quiz-bad\nkind: quiz\ntitle: 测验\nquestions:\n"
        "  - id: q1\n    prompt: 哪个？\n    explanation: 因为。\n    options:\n      - {id: a, text: 甲}\n      - {id: b, text: 乙}\n    answer: e\n",
        encoding="utf-8",
    )

    done = build_in_process(project_copy / "mkdocs.yml", tmp_path / "out")

    assert done.returncode != 0
    assert "worksheets/quiz-bad.yml" in done.stderr and "questions[0].answer" in done.stderr and "'e'" in done.stderr


def test_yaml_that_does_not_parse_fails_the_build_naming_the_file(project_copy, tmp_path):
    (project_copy / "worksheets/garbled.yml").write_text("id: garbled\nkind: [form\n", encoding="utf-8")

    done = build_in_process(project_copy / "mkdocs.yml", tmp_path / "out")

    assert done.returncode != 0 and "worksheets/garbled.yml" in done.stderr


def test_a_page_embedding_an_unknown_worksheet_fails_the_build_naming_page_and_line(project_copy, tmp_path):
    page = project_copy / "docs/tools/value.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n::: worksheet nosuch\n", encoding="utf-8")

    done = build_in_process(project_copy / "mkdocs.yml", tmp_path / "out")

    assert done.returncode != 0
    assert "docs/tools/value.md" in done.stderr and "nosuch" in done.stderr


def test_the_build_is_strict_about_broken_links(project_copy, tmp_path):
    page = project_copy / "docs/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[坏链接](nowhere.md)\n", encoding="utf-8")

    done = build_in_process(project_copy / "mkdocs.yml", tmp_path / "out")

    assert done.returncode != 0 and "nowhere.md" in done.stderr


def test_every_course_section_the_core_links_to_exists(built_site):
    from crossdept.playbook import TOPICS

    missing = []
    for topic in TOPICS.values():
        page = built_site / topic.page.removesuffix(".md").removesuffix("index").strip("/") / "index.html"
        if not page.is_file() or f'id="{topic.anchor}"' not in page.read_text(encoding="utf-8"):
            missing.append(topic.section)

    assert missing == []


def test_the_service_worker_keeps_the_runtime_as_the_worker_fetches_it_and_never_precaches_it(built_site):
    from crossdept_site.offline import service_worker_manifest

    manifest = service_worker_manifest(built_site)
    pyodide = next((built_site / "assets/pyodide").iterdir()).relative_to(built_site).as_posix()

    # Installing the worker downloads the course for reading offline, and nothing of the runtime:
    # the core's worker keeps what it downloads itself, once.
    assert not [name for name in manifest["precache"] if name.startswith("assets/pyodide/") or name.endswith((".whl", ".snap.gz"))]
    assert sorted(n for n in manifest["runtime"] if n.startswith(pyodide)) == [
        f"{pyodide}/{name}" for name in ("pyodide-lock.json.gz", "pyodide.asm.mjs.js", "pyodide.asm.wasm.gz", "pyodide.mjs.js", "python_stdlib.zip")
    ]


def test_the_service_worker_precaches_lunr_for_chinese_search_only(built_site):
    from crossdept_site.offline import service_worker_manifest

    precached = [name for name in service_worker_manifest(built_site)["precache"] if name.startswith("assets/javascripts/lunr/")]
    shipped = list((built_site / "assets/javascripts/lunr").rglob("*.js"))

    # What the search worker loads for lang zh; the other languages' files stay on the server.
    assert sorted(precached) == ["assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.zh.min.js"]
    assert len(shipped) > 30
