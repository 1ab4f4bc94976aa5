"""Re-record every contract example's response from the core as it is now.

    .venv/bin/python -m tests.contract.regenerate            # rewrite the files that changed
    .venv/bin/python -m tests.contract.regenerate --check    # list them, write nothing (exit 1 if any)

Read the diff before committing: a changed response is a changed contract with the browser.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from crossdept.api import handle

FOLDER = Path(__file__).resolve().parent


def render(case: dict) -> str:
    return json.dumps(case, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    changed = []
    for path in sorted(FOLDER.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        fresh = {**case, "response": handle(case["request"])}
        if fresh != case:
            changed.append(path.name)
            if not check:
                path.write_text(render(fresh), encoding="utf-8")
    for name in changed:
        print(("differs: " if check else "rewrote: ") + name)
    return 1 if check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
