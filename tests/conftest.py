"""Shared helpers: building the site into a temporary folder for the site and browser tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def build_site(target: Path, *, site_url: str = "http://127.0.0.1:8000/", config: Path | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` into ``target``; returns the finished process (never raises)."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)]
    if config is not None:
        command += ["-f", str(config)]
    return subprocess.run(command, cwd=config.parent if config else ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site as ``make site`` builds it, once per test session."""
    target = tmp_path_factory.mktemp("site")
    done = build_site(target)
    assert done.returncode == 0, done.stderr
    return target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A scratch copy of the project's sources, for tests that break something on purpose."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "docs", "worksheets", "overrides", "src"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy
