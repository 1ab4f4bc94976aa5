"""Load ``worksheets/*.yml`` and check each one with the core's schema."""

from __future__ import annotations

from pathlib import Path

import yaml

from crossdept.definitions import check_definition
from crossdept.errors import DefinitionError, Problem


def load_definitions(folder: Path) -> dict[str, dict]:
    """Every definition in ``folder`` by id; raises DefinitionError naming the file at fault."""
    definitions: dict[str, dict] = {}
    for file in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        source = file.as_posix()
        try:
            raw = yaml.safe_load(file.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise DefinitionError(source, [Problem("(yaml)", str(error).replace("\n", " "))]) from None
        definitions[file.stem] = check_definition(raw, source, expected_id=file.stem)
    return definitions
