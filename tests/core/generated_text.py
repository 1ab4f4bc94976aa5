"""What every generated text (script, brief, report) must never contain, whatever the user typed."""

import re

DOUBLED = re.compile(r"[。，、；：！？][。，、；：？]|[。！？]！")
EMPTY_PAIRS = ("“”", "（）", "()", "〔〕", "「」", "《》", "‘’", "【】")
BROKEN_START = re.compile(r"(?:^|\n)(?:- )?[，。、；：！？]")


def problems_in(text: str) -> list[str]:
    found = []
    if match := DOUBLED.search(text):
        found.append(f"doubled punctuation {match.group()!r}")
    found += [f"empty {pair}" for pair in EMPTY_PAIRS if pair in text]
    if BROKEN_START.search(text):
        found.append("a line or item starting with punctuation")
    if re.search(r"None|null|undefined|\{\w*\}", text):
        found.append("a placeholder of the program leaked")
    if "\n\n\n" in text:
        found.append("a run of blank lines")
    if text.startswith("您好") or "\n您好" in text:
        found.append("a bare 您好 with no one named")
    return found
