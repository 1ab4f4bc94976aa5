"""Cells that are filled in but say nothing: ``无``, ``-``, ``待定``, or a thank-you standing in for a gain.

An exchange row with 我能给予 = ``无`` is as one-sided as an empty one, and a sheet that took it at
its word would call a begging row an exchange.
"""

from __future__ import annotations

import re
import unicodedata

_EMPTY = frozenset(
    {
        "无",
        "暂无",
        "没有",
        "没",
        "无无",
        "-",
        "--",
        "—",
        "——",
        "–",
        "/",
        "\\",
        "、",
        "待定",
        "待补充",
        "待填",
        "未定",
        "tbd",
        "",
        "n/a",
        "na",
        "none",
        "null",
        "空",
        "略",
        "?",
        "??",
        "0",
        "x",
        "…",
        "……",
        "...",
    }
)
_THANKS = frozenset(
    {"感谢", "谢谢", "多谢", "致谢", "感谢支持", "谢谢支持", "非常感谢", "表示感谢", "口头感谢", "感谢配合", "谢谢配合", "感恩", "thanks", "thankyou"}
)
# Trailing and surrounding marks that do not change what a cell says.
_MARKS = re.compile(r"^[\s。．.，,！!～~、：:；;\"'“”‘’（）()]+|[\s。．.，,！!～~、：:；;\"'“”‘’（）()]+$")


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", "", _MARKS.sub("", folded))


def is_placeholder(text: str) -> bool:
    """``无``, ``暂无``, ``-``, ``/``, ``待定`` …: filled in, saying nothing."""
    return _plain(text) in _EMPTY


def is_thanks_only(text: str) -> bool:
    """``感谢``, ``谢谢！``: thanks are owed anyway; they are not what the other side gets."""
    return _plain(text) in _THANKS


def says_nothing(text: str) -> bool:
    """Blank, a placeholder or a thank-you alone: nothing to put in a script."""
    return not text.strip() or is_placeholder(text) or is_thanks_only(text)


def same(a: str, b: str) -> bool:
    """Two cells that say the same thing once case, spaces and punctuation are set aside."""
    return bool(a.strip()) and _plain(a) == _plain(b)
