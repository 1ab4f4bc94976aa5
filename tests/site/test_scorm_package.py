"""The SCORM packages as an LMS reads them: ``imsmanifest.xml`` at the root with the elements SCORM 1.2
and 2004 (4th edition) require, one SCO launched by ``scorm.html``, every file it lists in the zip and
every file of the zip listed, pages as files, nothing fetched from outside."""

from __future__ import annotations

import re
import zipfile
import xml.etree.ElementTree as ET

import pytest

from crossdept_site.parts import NavPage, course_parts, page_path

NS = {
    "1.2": {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2", "type": "scormtype"},
    "2004": {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3", "type": "scormType"},
}
SCHEMA_VERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}


@pytest.fixture(scope="module", params=["1.2", "2004"])
def package(request, scorm_packages):
    with zipfile.ZipFile(scorm_packages[request.param]) as archive:
        yield request.param, archive


def test_the_manifest_is_at_the_root_with_every_required_element(package):
    version, archive = package
    ns = NS[version]

    root = ET.fromstring(archive.read("imsmanifest.xml"))

    q = lambda tag: f"{{{ns['cp']}}}{tag}"  # noqa: E731
    assert root.tag == q("manifest") and root.get("identifier")
    metadata = root.find(q("metadata"))
    assert metadata.findtext(q("schema")) == "ADL SCORM"
    assert metadata.findtext(q("schemaversion")) == SCHEMA_VERSION[version]
    organizations = root.find(q("organizations"))
    default = organizations.get("default")
    organization = next(o for o in organizations.findall(q("organization")) if o.get("identifier") == default)
    assert organization.findtext(q("title")).strip()
    items = organization.findall(q("item"))
    assert len(items) == 1 and items[0].findtext(q("title")).strip()  # one SCO for the course (README)
    resources = {r.get("identifier"): r for r in root.find(q("resources")).findall(q("resource"))}
    resource = resources[items[0].get("identifierref")]
    assert resource.get("type") == "webcontent"
    assert resource.get(f"{{{ns['adlcp']}}}{ns['type']}") == "sco"
    assert resource.get("href") == "scorm.html"
    identifiers = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers))


def test_every_file_the_manifest_lists_is_in_the_zip_and_every_file_is_listed(package):
    version, archive = package
    ns = NS[version]
    root = ET.fromstring(archive.read("imsmanifest.xml"))

    listed = [f.get("href") for f in root.iter(f"{{{ns['cp']}}}file")]
    names = set(archive.namelist())

    assert len(listed) == len(set(listed))
    assert set(listed) == names - {"imsmanifest.xml"}
    assert "scorm.html" in listed and "index.html" in listed
    assert any(n.startswith("assets/pyodide/") and n.endswith(".wasm") for n in names)  # offline inside
    assert "sw.js" not in names  # the LMS serves the files: no service worker


def test_the_launch_page_loads_a_script_of_the_package_and_pages_are_files(package):
    _, archive = package
    names = set(archive.namelist())

    launch = archive.read("scorm.html").decode("utf-8")
    script = re.search(r'<script type="module" src="([^"]+)"', launch).group(1)
    assert script in names
    style = re.search(r'<link rel="stylesheet" href="([^"]+)">', launch).group(1)
    assert style in names
    # Nothing inline, which the course's policy (hosting/) refuses.
    assert "<style" not in launch and " style=" not in launch
    assert re.findall(r"<script(?![^>]* src=)[^>]*>", launch) == []

    assert "day48/influence-theory.html" in names  # an LMS serves files, not folders
    for name in (n for n in names if n.endswith(".html")):
        page = archive.read(name).decode("utf-8")
        outside = re.findall(r'(?:src|href)="(https?://[^"]+)"', page)
        assert outside == [], f"{name} points outside the package: {outside[:3]}"


def test_the_plain_site_has_no_launch_script(built_site):
    assert not list((built_site / "assets" / "crossdept").glob("launch.*.js"))
    assert (built_site / "sw.js").exists()


def test_a_part_is_a_quiz_and_the_pages_its_questions_point_to_in_navigation_order():
    definitions = {
        "quiz-b": {"kind": "quiz", "title": "B", "pass_ratio": 0.8, "questions": [{"section": "b/two.md#x"}, {"section": "b/index.md"}, {"section": "b/two.md"}]},
        "quiz-a": {"kind": "quiz", "title": "A", "pass_ratio": 0.5, "questions": [{"section": "a.md#y"}, {"section": "gone.md"}]},
        "value": {"kind": "form"},
    }
    nav = [NavPage("index.md", "index.html", "首页"), NavPage("a.md", "a.html", "甲"), NavPage("b/index.md", "b/index.html", "乙"), NavPage("b/two.md", "b/two.html", "乙二")]

    parts = course_parts(definitions, nav)

    assert [p["id"] for p in parts] == ["quiz-a", "quiz-b"]
    assert parts[0] == {"id": "quiz-a", "title": "甲", "quiz": "quiz-a", "questions": 2, "pass_ratio": 0.5, "pages": ["a.html"]}
    assert parts[1]["pages"] == ["b/", "b/two.html"]
    assert [page_path(u) for u in ("index.html", "b/index.html", "b/", "b/two/")] == ["", "b/", "b/", "b/two/"]
