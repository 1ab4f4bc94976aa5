"""The sample server configurations in hosting/ say the same thing: one Content-Security-Policy, the
WebAssembly type, revalidated pages and year-long caching of hashed names."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.conftest import ROOT

HOSTING = ROOT / "hosting"
CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"


def csp_of(text: str) -> str:
    return re.search(r"(default-src 'self';[^\"]+)", text).group(1)


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
