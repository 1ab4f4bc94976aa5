"""Load ``worksheets/*.yml`` and check each one with the core's schema."""

from __future__ import annotations

from pathlib import Path

import yaml

from crossdept.definitions import check_definition
from crossdept.errors import DefinitionError, Problem

# libyaml's parser where PyYAML has it (its wheels do): the same results, ten times faster than the
# pure-Python parser, and the build and the tests read every definition.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(file: Path):
    """The YAML document in ``file``, with safe types only."""
    return yaml.load(file.read_text(encoding="utf-8"), Loader=_LOADER)


def load_definitions(folder: Path) -> dict[str, dict]:
    """Every definition in ``folder`` by id; raises DefinitionError naming the file at fault."""
    definitions: dict[str, dict] = {}
    for file in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        source = file.as_posix()
        try:
            raw = read_yaml(file)
        except yaml.YAMLError as error:
            raise DefinitionError(source, [Problem("(yaml)", str(error).replace("\n", " "))]) from None
        definitions[file.stem] = check_definition(raw, source, expected_id=file.stem)
    return definitions
