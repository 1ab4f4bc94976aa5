"""Replace worksheet markers in Markdown with the element the browser runtime fills in.

A page embeds a worksheet with a line of its own: ``::: worksheet value``. The definition
travels inline as JSON in a data attribute (not a ``<script>``: Material's instant navigation
re-creates scripts in the content and would run it as JavaScript), so the form renders without
another request.
"""

from __future__ import annotations

import html
import json
import re

MARKER = re.compile(r"^::: *worksheet +(?P<id>\S+) *$", re.MULTILINE)
# Lines that look like a marker but are not one should fail loudly, not vanish.
NEAR_MISS = re.compile(r"^:::\s*worksheets?\b(?!\s+\S+\s*$).*$", re.MULTILINE)


class UnknownWorksheet(Exception):
    """A page names a worksheet that has no definition."""


def render(definition: dict) -> str:
    payload = html.escape(json.dumps(definition, ensure_ascii=False, separators=(",", ":")), quote=True)
    ident = html.escape(definition["id"])
    title = html.escape(definition["title"])
    return (
        f'\n<div class="cd-worksheet" data-worksheet="{ident}" data-core="loading" aria-label="{title}"\n'
        f'     data-definition="{payload}">\n'
        '<noscript><p class="cd-notice">这个工作表需要启用 JavaScript 才能使用。</p></noscript>\n'
        "</div>\n"
    )


def embed(markdown: str, definitions: dict[str, dict], source: str) -> tuple[str, list[str]]:
    """The Markdown with markers replaced, and the ids embedded; raises UnknownWorksheet."""
    for miss in NEAR_MISS.finditer(markdown):
        line = markdown.count("\n", 0, miss.start()) + 1
        raise UnknownWorksheet(f"{source}:{line}: malformed worksheet marker {miss.group(0)!r} (write '::: worksheet <id>')")
    used: list[str] = []

    def replace(match: re.Match) -> str:
        ident = match.group("id")
        if ident not in definitions:
            line = markdown.count("\n", 0, match.start()) + 1
            known = ", ".join(sorted(definitions)) or "none"
            raise UnknownWorksheet(f"{source}:{line}: unknown worksheet '{ident}' (known: {known})")
        used.append(ident)
        return render(definitions[ident])

    return MARKER.sub(replace, markdown), used
