"""The command-line shell around the core: read a file, call ``api.handle``, print the answer.

    python -m crossdept report workbook.json [--today 2026-03-02]   → the Markdown report
    python -m crossdept call request.json                          → the response as JSON

Exit codes: 0 done; 1 ``call`` got ``ok: false`` (the response is printed all the same); 2 the
file is missing, unreadable, not JSON, or (``report``) not a workbook the core accepts, or the
command line is wrong. Without ``--today`` relative
dates (2周后) cannot be resolved: the core never reads the clock, and neither does its shell.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from .api import handle
from .workbook import MAX_CHARS

EXIT_OK, EXIT_REFUSED, EXIT_BAD_FILE = 0, 1, 2


class BadFile(Exception):
    """The file named on the command line cannot be used; the message says why, in both languages."""


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应是 YYYY-MM-DD / expected YYYY-MM-DD: {text!r}") from None


def read_json(name: str) -> object:
    path = Path(name)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BadFile(f"找不到文件 / file not found: {name}") from None
    except OSError as error:
        raise BadFile(f"无法读取文件 / cannot read {name}: {error.strerror}") from None
    if len(raw) > MAX_CHARS * 4:
        raise BadFile(f"文件太大 / file too large: {name}")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BadFile(f"文件不是 UTF-8 文本 / not UTF-8 text: {name}") from None
    except ValueError as error:
        raise BadFile(f"文件不是有效的 JSON / not valid JSON: {name} ({error})") from None


def _errors(response: dict) -> str:
    return "\n".join(f"- {e.get('field') or '(整体)'}: {e.get('message')}" for e in response.get("errors", []))


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m crossdept", description="跨部门协作实战 planning core")
    commands = main.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="print an exported workbook as one Markdown report")
    report.add_argument("workbook", help="workbook .json exported from the site")
    report.add_argument("--today", type=_iso_date, help="the date relative dates count from (YYYY-MM-DD)")
    call = commands.add_parser("call", help="answer one request {worksheet, action, data, today?}")
    call.add_argument("request", help="request .json")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # Chinese must print even under a C locale
        sys.stderr.reconfigure(encoding="utf-8")
    try:
        loaded = read_json(args.workbook if args.command == "report" else args.request)
    except BadFile as error:
        print(f"错误 / error: {error}", file=sys.stderr)
        return EXIT_BAD_FILE
    if args.command == "call":
        response = handle(loaded)
        print(json.dumps(response, ensure_ascii=False, indent=2))
        return EXIT_OK if response.get("ok") else EXIT_REFUSED
    today = args.today.isoformat() if args.today else None
    response = handle({"worksheet": "workbook", "action": "report", "data": loaded, "today": today})
    if not response.get("ok"):
        print(f"错误 / error: 无法生成报告 / cannot build the report:\n{_errors(response)}", file=sys.stderr)
        return EXIT_BAD_FILE
    sys.stdout.write(response["result"]["text"])
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
