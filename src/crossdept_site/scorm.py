"""Build the course as SCORM packages an LMS can import: ``python -m crossdept_site.scorm`` (``make scorm``).

From the same sources as the site, one build per SCORM version with what an LMS needs: pages as
files (``use_directory_urls: false``: an LMS serves files, not folders), no instant navigation (it
needs ``site_url`` to match the serving address, which no one knows for an LMS), no service worker,
the runtime reporting to the LMS (``crossdept`` plugin option ``scorm``), and a launch page
``scorm.html`` that holds the LMS session while the pages change in its frame. Then
``imsmanifest.xml`` listing every file, and a zip with the manifest at its root.

The course is one SCO (see README, "SCORM packages"): the parts are reported as objectives.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = ("1.2", "2004")
LAUNCH = "scorm.html"
MANIFEST = "imsmanifest.xml"
ZIP_NAMES = {"1.2": "crossdept-scorm12.zip", "2004": "crossdept-scorm2004.zip"}
# A fixed time in the zip entries: the same sources give the same package, byte for byte.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)

_SCHEMA = {
    "1.2": {
        "identifier": "crossdept.course.scorm12",
        "namespaces": (
            'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"\n'
            '          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"\n'
            '          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
            '          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd'
            " http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd"
            ' http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"'
        ),
        "schemaversion": "1.2",
        "scormtype": "adlcp:scormtype",
    },
    "2004": {
        "identifier": "crossdept.course.scorm2004",
        "namespaces": (
            'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"\n'
            '          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"\n'
            '          xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"\n'
            '          xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"\n'
            '          xmlns:imsss="http://www.imsglobal.org/xsd/imsss"\n'
            '          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
            '          xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd'
            " http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd"
            " http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd"
            " http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd"
            ' http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"'
        ),
        "schemaversion": "2004 4th Edition",
        "scormtype": "adlcp:scormType",
    },
}


def manifest_xml(version: str, title: str, files: list[str]) -> str:
    """``imsmanifest.xml`` for one SCO launched by ``scorm.html``, listing ``files`` (paths in the package)."""
    schema = _SCHEMA[version]
    listed = "\n".join(f"      <file href={quoteattr(name)}/>" for name in files)
    name = html.escape(title)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{schema["identifier"]}" version="1"
          {schema["namespaces"]}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>{schema["schemaversion"]}</schemaversion>
  </metadata>
  <organizations default="crossdept-org">
    <organization identifier="crossdept-org">
      <title>{name}</title>
      <item identifier="crossdept-course" identifierref="crossdept-sco" isvisible="true">
        <title>{name}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="crossdept-sco" type="webcontent" {schema["scormtype"]}="sco" href="{LAUNCH}">
{listed}
    </resource>
  </resources>
</manifest>
"""


LAUNCH_CSS = "assets/crossdept/scorm-launch.css"
# The frame fills the launch page. A file, not a <style>: the course's policy (hosting/) allows
# styles and scripts from the server only, and an LMS or the company's server may send it.
LAUNCH_STYLE = "html, body { margin: 0; height: 100%; overflow: hidden; }\niframe { display: block; border: 0; width: 100%; height: 100%; }\n"


def launch_page(title: str, script: str) -> str:
    """The SCO's launch page: the course in a frame that fills it, and the script holding the session."""
    name = html.escape(title)
    return f"""<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{name}</title>
<link rel="stylesheet" href="{LAUNCH_CSS}">
</head>
<body>
<iframe id="cd-course" title="{name}"></iframe>
<noscript><p><a href="index.html">打开课程</a>（浏览器禁用了 JavaScript，学习记录不会交给学习平台）</p></noscript>
<script type="module" src="{html.escape(script)}"></script>
</body>
</html>
"""


def build_site(version: str, target: Path, *, snapshot: bool = False) -> None:
    """Build the site for a SCORM ``version`` into ``target``, with ``scorm.html`` beside ``index.html``.

    Without the start-up snapshot by default: it would add 6 MB to a package an LMS must accept,
    for about a second saved on the first worksheet (the core then starts the normal way)."""
    with contextlib.chdir(ROOT):
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(target), use_directory_urls=False, site_url="")
        config.theme["features"] = [f for f in config.theme["features"] if f != "navigation.instant"]
        plugin = config.plugins["crossdept"]
        plugin.config.scorm = version
        plugin.config.snapshot = snapshot
        build(config)
    script = f"assets/crossdept/{plugin.bundles.launch}"
    (target / LAUNCH).write_text(launch_page(config.site_name, script), encoding="utf-8")
    (target / LAUNCH_CSS).write_text(LAUNCH_STYLE, encoding="utf-8")


def package(site: Path, version: str, zip_path: Path) -> Path:
    """Zip a built site with its manifest at the root; every file of the site is listed in it."""
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name != MANIFEST)
    title = "跨部门协作实战"
    index = site / "index.html"
    if index.exists():
        text = index.read_text(encoding="utf-8")
        start, end = text.find("<title>"), text.find("</title>")
        if start >= 0 and end > start:
            title = html.unescape(text[start + 7 : end]).strip() or title
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(zipfile.ZipInfo(MANIFEST, ZIP_TIME), manifest_xml(version, title, files), compress_type=zipfile.ZIP_DEFLATED)
        for name in files:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.external_attr = 0o644 << 16
            # Already compressed files only cost time to deflate again.
            stored = name.endswith((".gz", ".zip", ".whl"))
            archive.writestr(info, (site / name).read_bytes(), compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return zip_path


def build_package(version: str, out: Path, *, snapshot: bool = False) -> Path:
    """Build and zip the package for ``version`` into ``out``; returns the zip's path."""
    with tempfile.TemporaryDirectory(prefix=f"crossdept-scorm{version}-") as folder:
        site = Path(folder) / "site"
        build_site(version, site, snapshot=snapshot)
        return package(site, version, out / ZIP_NAMES[version])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the course as SCORM 1.2 and 2004 (4th edition) packages.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the zip files (default: dist/)")
    parser.add_argument("--version", choices=VERSIONS, action="append", help="only this SCORM version (repeatable)")
    parser.add_argument("--snapshot", action="store_true", help="include the start-up snapshot (+6 MB, faster first worksheet)")
    args = parser.parse_args(argv)
    for version in args.version or VERSIONS:
        made = build_package(version, args.out.resolve(), snapshot=args.snapshot)
        print(f"SCORM {version}: {made} ({made.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
