"""The sample server configurations in hosting/ say the same thing: one Content-Security-Policy, the
WebAssembly type, revalidated pages and year-long caching of hashed names, the course's 404 page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.conftest import ROOT

HOSTING = ROOT / "hosting"
CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"


def csp_of(text: str) -> str:
    return re.search(r"(default-src 'self';[^\"]+)", text).group(1)


def bases(html: str) -> list[str]:
    return re.findall(r'<base href="([^"]*)"', html)


def test_every_sample_configuration_sends_the_same_strict_policy():
    policies = {name: csp_of((HOSTING / name).read_text(encoding="utf-8")) for name in ("nginx.conf", "apache.htaccess", "web.config")}

    assert len(set(policies.values())) == 1, policies
    assert next(iter(policies.values())).startswith(CSP)
    assert "unsafe-inline" not in next(iter(policies.values()))


def test_the_iis_configuration_is_xml_and_declares_the_types_iis_would_refuse():
    root = ET.parse(HOSTING / "web.config").getroot()

    types = {m.get("fileExtension"): m.get("mimeType") for m in root.iter("mimeMap")}
    assert types[".wasm"] == "application/wasm"
    assert {".json", ".whl", ".gz", ".zip"} <= set(types)


def test_no_configuration_depends_on_the_mjs_type():
    for path in HOSTING.iterdir():
        assert ".mjs" not in path.read_text(encoding="utf-8").replace("the .mjs type", ""), path.name


def test_every_sample_configuration_sends_the_courses_404_page():
    nginx = (HOSTING / "nginx.conf").read_text(encoding="utf-8")
    apache = (HOSTING / "apache.htaccess").read_text(encoding="utf-8")
    iis = ET.parse(HOSTING / "web.config").getroot()

    assert re.search(r"^\s*error_page 404 @PREFIX@404\.html;", nginx, re.MULTILINE)
    assert re.search(r"^ErrorDocument 404 /course/404\.html$", apache, re.MULTILINE)
    assert [e.get("path") for e in iis.iter("error") if e.get("statusCode") == "404"] == ["404.html"]


def test_nginx_and_apache_point_the_built_404_pages_base_at_the_path_they_serve_the_course_from(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    nginx = (HOSTING / "nginx.conf").read_text(encoding="utf-8")
    apache = (HOSTING / "apache.htaccess").read_text(encoding="utf-8")

    search, replace = re.search(r"sub_filter '([^']*)' '([^']*)';", nginx).groups()
    assert page.count(search) == 1  # nginx replaces a fixed string, once
    assert bases(page.replace(search, replace.replace("@PREFIX@", "/elsewhere/"), 1)) == ["/elsewhere/"]
    pattern, replacement = re.search(r"Substitute 's\|(.*)\|(.*)\|'", apache).groups()
    assert bases(re.sub(pattern, replacement, page, count=1)) == ["/course/"]
