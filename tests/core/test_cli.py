import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .seed import WORKBOOK

SRC = Path(__file__).resolve().parents[2] / "src"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC), "LC_ALL": "C"}
    return subprocess.run([sys.executable, "-m", "crossdept", *args], capture_output=True, env=env, timeout=60)


@pytest.fixture
def workbook_file(tmp_path):
    path = tmp_path / "workbook.json"
    path.write_text(json.dumps(WORKBOOK, ensure_ascii=False), encoding="utf-8")
    return path


def test_report_prints_the_markdown_report_of_an_exported_workbook(workbook_file):
    done = run("report", str(workbook_file), "--today", "2026-03-02")

    text = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert text.startswith("# 智能服务升级 · 协调报告")
    assert "| P0 | 系统开发 | IT部门 | 2026-03-16 |" in text


def test_report_without_today_explains_the_relative_dates_in_the_report(workbook_file):
    done = run("report", str(workbook_file))

    assert done.returncode == 0
    assert "需要知道今天是哪天" in done.stdout.decode("utf-8")


def test_report_reads_a_file_saved_with_a_bom(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(WORKBOOK).encode("utf-8"))

    done = run("report", str(path), "--today", "2026-03-02")

    assert done.returncode == 0


def test_call_prints_the_response_json(tmp_path):
    path = tmp_path / "request.json"
    path.write_text(json.dumps({"worksheet": "value", "action": "quantify", "data": {"lost_customers_per_month": 200, "ltv": 2500}}))

    done = run("call", str(path))

    assert done.returncode == 0
    assert json.loads(done.stdout)["result"]["annual_loss_display"] == "600万"


def test_call_with_a_refused_request_prints_it_and_exits_1(tmp_path):
    path = tmp_path / "request.json"
    path.write_text(json.dumps({"worksheet": "nope", "action": "x"}))

    done = run("call", str(path))

    assert done.returncode == 1
    assert json.loads(done.stdout)["ok"] is False


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "file not found"),
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (json.dumps({"format": "other"}).encode(), "不是本课程导出的工作簿"),
    ],
)
def test_a_missing_or_bad_file_exits_2_with_a_clear_message(tmp_path, content, words):
    path = tmp_path / "in.json"
    if content is not None:
        path.write_bytes(content)

    done = run("report", str(path))

    assert done.returncode == 2
    assert words in done.stderr.decode("utf-8")
    assert "Traceback" not in done.stderr.decode("utf-8")


def test_a_bad_today_is_a_usage_error():
    done = run("report", "x.json", "--today", "tomorrow")

    assert done.returncode == 2
    assert "YYYY-MM-DD" in done.stderr.decode("utf-8")
