"""What the browser needs to know of the core, written into the site at build time.

The browser keeps no copy of a rule: the workbook's format and its sheets, the course topics the
core's flags link to (with their titles), and the limits it enforces come from here. The build
(``crossdept_site``) adds the pages and runtime files and bakes the whole into the bundle.
"""

from __future__ import annotations

from . import spreadsheets, workbook
from .columns import CHOICES
from .playbook import TOPICS


def core_manifest() -> dict[str, object]:
    """Plain JSON-able data; the same on every build of the same core."""
    sections: dict[str, str] = {}
    for topic in TOPICS.values():
        sections.setdefault(topic.section, topic.title)  # the first topic that names a section titles it
    return {
        "workbook": {
            "format": workbook.FORMAT,
            "version": workbook.VERSION,
            "sheets": list(workbook.TABLES),
            "forms": list(workbook.FORMS),
            "max_chars": workbook.MAX_CHARS,
            # The sheets a tool's own page may download alone as .xlsx (workbook/sheets, option sheet).
            "xlsx_sheets": list(spreadsheets.ONE_SHEETS),
        },
        "topics": {t.id: {"title": t.title, "section": t.section} for t in TOPICS.values()},
        "sections": sections,
        # Every spelling each choice column accepts, so a block pasted from a spreadsheet ("必需",
        # "进行中") lands on the value the page's list offers; the mapping is the core's own.
        "choices": {
            sheet: {column: {"canonical": list(c.canonical), "accepts": dict(c.accepts)} for (owner, column), c in CHOICES.items() if owner == sheet}
            for sheet in dict.fromkeys(owner for owner, _ in CHOICES)
        },
    }
