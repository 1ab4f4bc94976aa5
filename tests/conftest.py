"""Shared helpers: building the site into a temporary folder for the site and browser tests."""

from __future__ import annotations

import fcntl
import io
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# No property test fails on time: on a loaded 2-core machine one example took 286 ms against
# hypothesis's default 200 ms deadline. Speed is measured in bench/, not asserted here.
settings.register_profile("crossdept", deadline=None)
settings.load_profile("crossdept")


def build_site(
    target: Path, *, site_url: str = "http://127.0.0.1:8000/", config: Path | None = None, snapshot: bool | None = None
) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` into ``target``; returns the finished process (never raises).

    A scratch copy of the project (``config``) builds without the start-up snapshot unless asked:
    it would make a fresh node snapshot for every copy, and the tests that break a copy on purpose
    are about the build's checks, not about start-up."""
    if snapshot is None:
        snapshot = config is None
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "CROSSDEPT_SNAPSHOT": "true" if snapshot else "false"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)]
    if config is not None:
        command += ["-f", str(config)]
    return subprocess.run(command, cwd=config.parent if config else ROOT, env=env, capture_output=True, text=True)


@dataclass(frozen=True)
class FailedBuild:
    """What a build that should fail left: its return code and what it logged (as ``stderr``)."""

    returncode: int
    stderr: str


def build_in_process(config: Path, target: Path) -> FailedBuild:
    """``mkdocs build --strict`` of a scratch copy, in this process and without the snapshot: for
    the tests that break a copy on purpose and read the build's message. A subprocess would spend
    most of its time importing MkDocs and loading jieba's dictionary again for each test."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    saved = os.environ.get("CROSSDEPT_SNAPSHOT")
    os.environ["CROSSDEPT_SNAPSHOT"] = "false"  # read by mkdocs.yml's !ENV when it loads
    try:
        loaded = load_config(str(config), site_dir=str(target), strict=True)
        loaded.plugins.on_startup(command="build", dirty=False)
        build(loaded)
        code = 0
    except (MkDocsException, SystemExit) as error:
        log.write(f"{error}\n")
        code = 1
    finally:
        mkdocs_log.removeHandler(handler)
        if saved is None:
            os.environ.pop("CROSSDEPT_SNAPSHOT", None)
        else:
            os.environ["CROSSDEPT_SNAPSHOT"] = saved
    return FailedBuild(code, log.getvalue())


# Under pytest-xdist the controller serves one folder on one port for the whole run and tells the
# workers; the first worker that needs the site builds it there (under a lock) for that address,
# the others wait and reuse it. One build, one server that outlives every worker, and the address
# the site was built for (instant navigation needs it).
def pytest_configure(config):
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        from bench.serve import serve_site

        folder = Path(tempfile.mkdtemp(prefix="crossdept-site-"))
        server = serve_site(folder / "site")
        base = server.__enter__()
        config._crossdept_site = (folder, server, base)
        if needs_site(config):
            build_while_workers_start(folder, urlsplit(base).port)


def needs_site(config) -> bool:
    """Whether the run includes tests that need the built site (the whole suite, site or browser tests)."""
    paths = [str(Path(a.split("::")[0]).resolve()) for a in config.args] or [str(ROOT)]
    wanted = [str(ROOT / "tests" / "site"), str(ROOT / "tests" / "browser")]
    return any(w.startswith(p) or p.startswith(w) for p in paths for w in wanted)


def build_while_workers_start(folder: Path, port: int) -> None:
    """Build the shared site now, in the controller, while the workers start and collect (seconds
    in which the machine is otherwise idle): it takes the lock the workers' ``once_per_run`` waits
    on before any worker exists, and marks the build done only when it succeeded (after a failure a
    worker builds again and its test reports why)."""
    lock = (folder / "site.lock").open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)

    def build() -> None:
        try:
            if build_site(folder / "site", site_url=f"http://127.0.0.1:{port}/").returncode == 0:
                (folder / "site.done").touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()

    threading.Thread(target=build, daemon=True).start()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    folder, _, base = node.config._crossdept_site
    node.workerinput["crossdept_site"] = {"folder": str(folder), "base": base}


def pytest_unconfigure(config):
    shared = getattr(config, "_crossdept_site", None)
    if shared:
        folder, server, _ = shared
        server.__exit__(None, None, None)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, request) -> tuple[Path, int]:
    """The site as ``make site`` builds it, once per test run, for a port of its own (so instant
    navigation stays on when the browser tests serve it): the folder and the port."""
    from bench.serve import free_port

    shared = getattr(request.config, "workerinput", {}).get("crossdept_site")
    if shared is None:
        return build_for_port(tmp_path_factory.mktemp("site"), free_port())
    folder, port = Path(shared["folder"]), urlsplit(shared["base"]).port
    once_per_run(request.config, "site", lambda: build_for_port(folder / "site", port))
    return folder / "site", port


def once_per_run(config, name: str, make) -> None:
    """Run ``make`` once per test run, also under pytest-xdist: the first worker that gets here
    makes it (under a lock in the run's shared folder), the others wait for it and reuse it."""
    shared = getattr(config, "workerinput", {}).get("crossdept_site")
    if shared is None:
        make()
        return
    folder = Path(shared["folder"])
    with (folder / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (folder / f"{name}.done").exists():
                make()
                (folder / f"{name}.done").touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def shared_server(config) -> str | None:
    """The controller's server of the shared build, when running under pytest-xdist."""
    shared = getattr(config, "workerinput", {}).get("crossdept_site")
    return shared and shared["base"]


def build_for_port(target: Path, port: int) -> tuple[Path, int]:
    """Build the site into ``target`` for ``http://127.0.0.1:<port>/`` (failing the test if it fails)."""
    done = build_site(target, site_url=f"http://127.0.0.1:{port}/")
    assert done.returncode == 0, done.stderr
    return target, port


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    return site_build[0]


def copy_of_site(site_build: tuple[Path, int], target: Path) -> tuple[int, Path]:
    """A copy of the session's build in ``target``, for a server on a port of its own: the tests
    that stop the server, break it or swap its folder. A copy takes a fraction of a second, a build
    seconds of CPU. It is served at another address than it was built for, which only matters for
    instant navigation (tested in test_network.py); these tests load their pages."""
    from bench.serve import free_port

    shutil.copytree(site_build[0], target)
    return free_port(), target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A scratch copy of the project's sources, for tests that break something on purpose."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "docs", "worksheets", "overrides", "src"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    # The gzip'd runtime copies take seconds to make: share the project's cache of them.
    (ROOT / ".cache").mkdir(exist_ok=True)
    (copy / ".cache").symlink_to(ROOT / ".cache")
    return copy


@pytest.fixture(scope="session")
def scorm_packages(tmp_path_factory, request) -> dict[str, Path]:
    """The SCORM 1.2 and 2004 packages, once per test run (the two builds run side by side). The
    1.2 package is built as ``make scorm`` builds it; the 2004 package with ``--snapshot``, the
    option for an LMS that takes the 6 MB more: each way of shipping runs in the LMS tests, and
    the 2004 tests start the core from the snapshot (1 s of CPU) instead of bare (4 s)."""
    shared = getattr(request.config, "workerinput", {}).get("crossdept_site")
    out = Path(shared["folder"]) / "scorm" if shared else tmp_path_factory.mktemp("scorm")

    def make() -> None:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        builds = [
            subprocess.Popen(
                [sys.executable, "-m", "crossdept_site.scorm", "--out", str(out), "--version", version, *snapshot],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for version, snapshot in (("1.2", []), ("2004", ["--snapshot"]))
        ]
        for build in builds:
            _, stderr = build.communicate()
            assert build.returncode == 0, stderr[-3000:]

    once_per_run(request.config, "scorm", make)
    return {"1.2": out / "crossdept-scorm12.zip", "2004": out / "crossdept-scorm2004.zip"}
