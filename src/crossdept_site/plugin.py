"""MkDocs plugin ``crossdept``: on every build or serve, ship the core and the worksheets.

- checks ``worksheets/*.yml`` with the core's schema (a bad file fails the build, named);
- replaces ``::: worksheet <id>`` markers in pages (an unknown id fails the build, named);
- packages ``src/crossdept`` as a wheel named by its hash and copies Pyodide's runtime files;
- tells the templates where those files are through ``config.extra.crossdept``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base, config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

import crossdept
from crossdept.errors import DefinitionError

from .definitions import load_definitions
from .embed import UnknownWorksheet, embed
from .pyodide_runtime import MissingRuntime, copy_runtime, runtime_version
from .wheel import build_wheel

log = logging.getLogger("mkdocs.plugins.crossdept")

ASSET_DIR = "assets/crossdept"
PYODIDE_DIR = "assets/pyodide"


class CrossdeptConfig(base.Config):
    worksheets = c.Dir(exists=True, default="worksheets")
    core = c.Dir(exists=True, default="src/crossdept")
    pyodide = c.Type(str, default="node_modules/pyodide")


class CrossdeptPlugin(BasePlugin[CrossdeptConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        # Each kind of worksheet has its renderer in overrides/assets/crossdept/kinds/<kind>.js;
        # code the kinds share sits in lib/ and loads before them.
        assets = root / "overrides" / ASSET_DIR
        kinds = sorted(p.stem for p in (assets / "kinds").glob("*.js"))
        libs = sorted(p.stem for p in (assets / "lib").glob("*.js"))
        self.pyodide_dir = root / self.config.pyodide
        try:
            self.definitions = load_definitions(Path(self.config.worksheets))
            pyodide_version = runtime_version(self.pyodide_dir)
        except (DefinitionError, MissingRuntime) as error:
            raise PluginError(str(error)) from None
        self.wheel = build_wheel(Path(self.config.core), crossdept.__version__)
        config.extra["crossdept"] = {
            "wheel": f"{ASSET_DIR}/{self.wheel.filename}",
            "pyodide": PYODIDE_DIR,
            "pyodide_version": pyodide_version,
            "worker": f"{ASSET_DIR}/core-worker.js",
            "kinds": kinds,
            "libs": libs,
        }
        return config

    def on_page_markdown(self, markdown, page, config, files):
        try:
            markdown, used = embed(markdown, self.definitions, f"docs/{page.file.src_uri}")
        except UnknownWorksheet as error:
            raise PluginError(str(error)) from None
        page.meta["worksheets"] = used
        return markdown

    def on_post_build(self, config):
        site = Path(config.site_dir)
        wheel_path = site / ASSET_DIR / self.wheel.filename
        wheel_path.parent.mkdir(parents=True, exist_ok=True)
        for stale in wheel_path.parent.glob("crossdept-*.whl"):
            if stale != wheel_path:
                stale.unlink()
        wheel_path.write_bytes(self.wheel.content)
        size = copy_runtime(self.pyodide_dir, site / PYODIDE_DIR)
        log.info("crossdept: core %s, Pyodide runtime %.1f MB, %d worksheet(s)", self.wheel.filename, size / 1e6, len(self.definitions))

    def on_serve(self, server, config, builder):
        server.watch(self.config.worksheets)
        server.watch(self.config.core)
        return server
