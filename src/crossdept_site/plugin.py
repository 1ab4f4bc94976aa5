"""MkDocs plugin ``crossdept``: on every build or serve, ship the core and the worksheets.

- checks ``worksheets/*.yml`` with the core's schema (a bad file fails the build, named);
- replaces ``::: worksheet <id>`` markers in pages (an unknown id fails the build, named);
- packages ``src/crossdept`` as a wheel named by its hash and copies Pyodide's runtime files;
- bundles the browser runtime (ES modules under ``overrides/assets/crossdept/modules``) with esbuild,
  baking in the manifest: what the browser knows of the core, the pages of the worksheets, the files;
- bakes China's working calendar (holidays, 调休) into the manifest and ships the .xlsx export's
  wheels (``extras``), which the browser loads only when a learner exports to Excel;
- makes a warm-interpreter snapshot and writes the offline service worker ``sw.js``;
- tells the templates where those files are through ``config.extra.crossdept``.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

import crossdept
from crossdept.errors import DefinitionError
from crossdept.manifest import core_manifest

from .bundle import BundleFailed, bundle
from .compress import COMPRESSED, FETCHED_COMPRESSED, compressed_copies, write_beside
from .definitions import load_definitions
from .embed import MARKER, UnknownWorksheet, embed
from .extras import XLSX_MODULE, working_calendar, xlsx_wheels
from .offline import write_service_worker
from .parts import NavPage, lms_manifest
from .pyodide_runtime import MissingRuntime, copy_runtime, runtime_bytes, runtime_version, served_name
from .script_library import library_file
from .search_fix import SearchFixFailed, fix_search_worker
from .snapshot import SnapshotFailed, make_snapshot, snapshot_name
from .wheel import build_wheel

log = logging.getLogger("mkdocs.plugins.crossdept")

ASSET_DIR = "assets/crossdept"
MODULES = f"{ASSET_DIR}/modules"  # the runtime's ES module sources under overrides/
XLSX_DIR = f"{ASSET_DIR}/xlsx"  # the Excel writer's wheels, fetched on the first export only
PYODIDE_ROOT = "assets/pyodide"  # + "/<version>": versioned URLs let the service worker cache them for good


def built_for(site_url: str | None) -> dict:
    """``{"port", "path"}`` of ``site_url`` as the browser's URL would give them ("" for a default port)."""
    if not site_url:
        return {}
    parts = urlsplit(site_url)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return {"port": "" if parts.port in (None, default) else str(parts.port), "path": parts.path or "/"}


class CrossdeptConfig(base.Config):
    worksheets = c.Dir(exists=True, default="worksheets")
    core = c.Dir(exists=True, default="src/crossdept")
    pyodide = c.Type(str, default="node_modules/pyodide")
    # A warm-interpreter snapshot for fast start; off only to measure what it saves.
    snapshot = c.Type(bool, default=True)
    snapshot_cache = c.Type(str, default=".cache/snapshots")
    compressed_cache = c.Type(str, default=".cache/compressed")
    # "1.2" or "2004" when building a SCORM package (crossdept_site.scorm): the runtime reports to
    # the LMS and the site has no service worker. "" (the plain site) never looks for an LMS.
    scorm = c.Choice(["", "1.2", "2004"], default="")


class CrossdeptPlugin(BasePlugin[CrossdeptConfig]):
    bundles = None

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.modules = root / "overrides" / MODULES
        self.pyodide_dir = root / self.config.pyodide
        try:
            self.definitions = load_definitions(Path(self.config.worksheets))
            pyodide_version = runtime_version(self.pyodide_dir)
        except (DefinitionError, MissingRuntime) as error:
            raise PluginError(str(error)) from None
        self.wheel = build_wheel(Path(self.config.core), crossdept.__version__)
        self.xlsx = xlsx_wheels(Path(self.config.core).parent)
        self.root = root
        self.snapshot = snapshot_name(self.wheel.content, self.pyodide_dir) if self.config.snapshot else ""
        self.compressed = compressed_copies(self.pyodide_dir, COMPRESSED, root / self.config.compressed_cache)
        packed = {name: self.compressed[name].stat().st_size for name in FETCHED_COMPRESSED}
        self.runtime = {
            "pyodide": f"{PYODIDE_ROOT}/{pyodide_version}/",
            "wheel": f"{ASSET_DIR}/{self.wheel.filename}",
            "snapshot": f"{ASSET_DIR}/{self.snapshot}" if self.snapshot else "",
            # Files of the Pyodide folder the worker fetches as `name.gz` (decompressing them itself).
            "compressed": [served_name(name) for name in FETCHED_COMPRESSED],
            # The port and path of the address built for (Material's sitemap keeps them): served
            # elsewhere, the page keeps instant navigation itself. No URL, no host name in our scripts.
            "built_for": built_for(config.site_url),
            "xlsx": {"module": XLSX_MODULE, "wheels": [f"{XLSX_DIR}/{w.filename}" for w in self.xlsx]},
            # Pyodide (as the worker downloads it, compressed) and the core: the download a reader
            # is offered to keep for offline use.
            "bytes": runtime_bytes(self.pyodide_dir, packed) + len(self.wheel.content),
        }
        config.extra["crossdept"] = {"pyodide_version": pyodide_version}
        return config

    def on_files(self, files, config):
        # The runtime's sources are bundled, not shipped one by one.
        for file in [f for f in files if f.src_uri.startswith(f"{MODULES}/")]:
            files.remove(file)
        files.append(library_file(files, config))  # the 话术库 page, gathered from the chapters
        return files

    def on_nav(self, nav, config, files):
        """Bundle the runtime with the manifest, now that the pages and their titles are known."""
        pages = {}
        for page in nav.pages:
            source = page.file.content_string  # also for pages the build generates (the 话术库)
            for match in MARKER.finditer(source):
                pages.setdefault(match.group("id"), {"url": page.url, "title": page.title})
        nav_pages = [NavPage(p.file.src_uri, p.url, p.title) for p in nav.pages]
        manifest = {
            **core_manifest(),
            "pages": pages,
            "runtime": self.runtime,
            # The build may read the clock (the core may not): the calendar covers the years around it.
            "calendar": working_calendar(dt.date.today().year),
            "directory_urls": config.use_directory_urls,
            "lms": lms_manifest(self.definitions, nav_pages, self.config.scorm),
        }
        if self.bundles is not None:
            shutil.rmtree(self.bundles.folder, ignore_errors=True)
        try:
            self.bundles = bundle(self.modules, self.pyodide_dir.parent, manifest)
        except BundleFailed as error:
            raise PluginError(str(error)) from None
        config.extra["crossdept"].update(bundle=f"{ASSET_DIR}/{self.bundles.worksheets}", site=f"{ASSET_DIR}/{self.bundles.site}")
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        try:
            markdown, used = embed(markdown, self.definitions, f"docs/{page.file.src_uri}")
        except UnknownWorksheet as error:
            raise PluginError(str(error)) from None
        page.meta["worksheets"] = used
        # Pages with a worksheet or a panel of the runtime (progress, script library) load it up front.
        page.meta["crossdept_runtime"] = bool(used) or "data-cd-progress" in markdown or "cd-script-library" in markdown
        return markdown

    def on_post_build(self, config):
        site = Path(config.site_dir)
        try:
            fix_search_worker(site)
        except SearchFixFailed as error:
            raise PluginError(str(error)) from None
        wheel_path = site / ASSET_DIR / self.wheel.filename
        wheel_path.parent.mkdir(parents=True, exist_ok=True)
        for stale in wheel_path.parent.glob("crossdept-*.whl"):
            if stale != wheel_path:
                stale.unlink()
        fresh = {self.bundles.worker, self.bundles.worksheets, self.bundles.site} | ({self.bundles.launch} if self.bundles.launch else set())
        for stale in wheel_path.parent.glob("*.js"):
            if stale.name not in fresh and stale.name.startswith(("core-worker.", "worksheets.", "site.", "launch.")):
                stale.unlink()
        for name in fresh:
            shutil.copyfile(self.bundles.folder / name, wheel_path.parent / name)
        wheel_path.write_bytes(self.wheel.content)
        xlsx_dir = site / XLSX_DIR
        shutil.rmtree(xlsx_dir, ignore_errors=True)
        xlsx_dir.mkdir(parents=True)
        for extra in self.xlsx:
            (xlsx_dir / extra.filename).write_bytes(extra.content)
        pyodide_target = site / self.runtime["pyodide"].rstrip("/")
        for stale in (site / PYODIDE_ROOT).glob("*"):
            if stale != pyodide_target:
                shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        size = copy_runtime(self.pyodide_dir, pyodide_target)
        packed = write_beside(self.compressed, pyodide_target)
        for stale in wheel_path.parent.glob("core-*.snap.gz"):
            if stale.name != self.snapshot:
                stale.unlink()
        if self.snapshot:
            try:
                made, seconds = make_snapshot(self.snapshot, wheel_path, self.pyodide_dir, self.root / self.config.snapshot_cache)
            except SnapshotFailed as error:
                raise PluginError(str(error)) from None
            shutil.copyfile(made, wheel_path.parent / self.snapshot)
            log.info("crossdept: snapshot %s, %.1f MB, made in %.1f s", self.snapshot, made.stat().st_size / 1e6, seconds)
        log.info(
            "crossdept: core %s, Pyodide runtime %.1f MB (%.1f MB gzip'd beside), %d worksheet(s)",
            self.wheel.filename,
            size / 1e6,
            packed / 1e6,
            len(self.definitions),
        )
        if self.config.scorm:
            (site / "sw.js").unlink(missing_ok=True)  # inside an LMS the LMS serves the files: no service worker
            return
        manifest = write_service_worker(site)
        log.info("crossdept: service worker for build %s precaches %d files", manifest["build"], len(manifest["precache"]))

    def on_serve(self, server, config, builder):
        server.watch(self.config.worksheets)
        server.watch(self.config.core)
        return server
