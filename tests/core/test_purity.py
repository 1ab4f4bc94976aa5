"""The core is pure: standard library only, and it never reads the disk or the clock itself."""

import ast
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "crossdept"
MODULES = sorted(SOURCE.glob("*.py"))
SHELL = "__main__.py"  # the CLI is the shell: it may read the file it is given, nothing else may
FORBIDDEN_CALLS = {
    "open",
    "now",
    "today",
    "utcnow",
    "time",
    "time_ns",
    "monotonic",
    "perf_counter",
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "urlopen",
    "system",
    "popen",
}


def imported_roots(tree: ast.AST) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def called_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return names


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_the_core_imports_only_the_standard_library(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))

    outside = {root for root in imported_roots(tree) if root not in sys.stdlib_module_names}

    assert outside == set()


@pytest.mark.parametrize("module", [m for m in MODULES if m.name != SHELL], ids=lambda p: p.name)
def test_the_core_never_opens_files_or_reads_the_clock(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))

    assert called_names(tree) & FORBIDDEN_CALLS == set()


def test_the_shell_does_not_read_the_clock_either():
    tree = ast.parse((SOURCE / SHELL).read_text(encoding="utf-8"))

    assert called_names(tree) & {"now", "today", "utcnow", "time", "time_ns"} == set()
