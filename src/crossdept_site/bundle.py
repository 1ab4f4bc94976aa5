"""Bundle the browser runtime (``overrides/assets/crossdept/modules``) with esbuild, through node.

The manifest (what the browser knows of the core, the pages and the runtime files) is baked into
the bundles, and every file is named by its content hash, so a page and its code always match.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("bundle.mjs")


class BundleFailed(Exception):
    """esbuild could not bundle the runtime (a syntax error, a missing import)."""


@dataclass(frozen=True, slots=True)
class Bundles:
    folder: Path  # a temporary folder holding the three files
    worker: str
    worksheets: str
    site: str
    launch: str = ""  # the SCORM launch page's script, only in a SCORM build


def bundle(modules: Path, node_modules: Path, manifest: dict) -> Bundles:
    node = shutil.which("node")
    if node is None:
        raise BundleFailed("node is not on PATH (it comes with npm, which the build needs anyway)")
    folder = Path(tempfile.mkdtemp(prefix="crossdept-bundle-"))
    job = folder / "job.json"
    out = folder / "out"
    job.write_text(
        json.dumps(
            {"modules": str(modules.resolve()), "outdir": str(out), "node_modules": str(node_modules.resolve()), "manifest": manifest}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    done = subprocess.run([node, str(SCRIPT), str(job)], capture_output=True, text=True)
    if done.returncode != 0:
        raise BundleFailed(f"bundling the browser runtime failed:\n{done.stderr.strip()[-2000:]}")
    names = json.loads(done.stdout.strip().splitlines()[-1])
    return Bundles(out, names["worker"], names["worksheets"], names["site"], names.get("launch", ""))
