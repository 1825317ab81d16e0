"""The loader contract of ``step_functions/*.asl.json`` (see ``step_functions/README.md``).

The CDK app and the dev runner read the same files: the file stem is the
workflow's logical name, and ``${Placeholder}`` marks a value that differs
per deployment. :func:`substitutions` is the one place that says what each
placeholder means, so a definition renders the same way on AWS (CDK
``DefinitionSubstitutions``) and on moto (:func:`render`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from shared.resources import ResourceNames

STEP_FUNCTIONS_DIR = Path(__file__).resolve().parents[1] / "step_functions"
SUFFIX = ".asl.json"
_PLACEHOLDER = re.compile(r"\$\{([A-Za-z][A-Za-z0-9]*)\}")


class WorkflowDefinitionError(ValueError):
    """A workflow file breaks the loader contract."""

    def __init__(self, workflow: str, problem: str) -> None:
        super().__init__(f"step_functions/{workflow}{SUFFIX}: {problem}")
        self.workflow = workflow
        self.problem = problem


def definition_files(directory: Path = STEP_FUNCTIONS_DIR) -> dict[str, Path]:
    """Every workflow file by logical name (the stem), checked to be JSON with states."""
    files = {}
    for path in sorted(directory.glob(f"*{SUFFIX}")):
        name = path.name.removesuffix(SUFFIX)
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise WorkflowDefinitionError(name, "the file stem must be snake_case")
        try:
            document = json.loads(path.read_text())
        except json.JSONDecodeError as error:
            raise WorkflowDefinitionError(name, f"not valid JSON ({error})") from error
        if "StartAt" not in document or "States" not in document:
            raise WorkflowDefinitionError(name, "an ASL document needs StartAt and States")
        files[name] = path
    return files


def placeholders(definition: str) -> set[str]:
    """The ``${Placeholder}`` names a definition uses."""
    return set(_PLACEHOLDER.findall(definition))


def function_name(names: ResourceNames, chalice_name: str) -> str:
    """Physical name of a Chalice function, as the API stack names it.

    Workflows invoke task functions by name (Step Functions resolves a name in
    its own account and region), so the events stack needs no reference to
    the API stack, which is deployed after it.
    """
    return f"{names.prefix}-{chalice_name}".replace("_", "-")


def substitutions(names: ResourceNames) -> dict[str, str]:
    """The value of every placeholder for one deployment."""
    return {
        "EventBusName": names.event_bus,
        "ExportWorkerFunction": function_name(names, "export_worker"),
        "PersonalDataWorkerFunction": function_name(names, "personal_data_worker"),
        "AccountDeletionWorkerFunction": function_name(names, "account_deletion_worker"),
    }


def check_placeholders(workflow: str, definition: str, values: dict[str, str]) -> None:
    missing = placeholders(definition) - set(values)
    if missing:
        raise WorkflowDefinitionError(workflow, f"no value for placeholders {sorted(missing)}")


def render(workflow: str, definition: str, values: dict[str, str]) -> str:
    """Replace every placeholder; the dev runner's equivalent of CDK's substitutions."""
    check_placeholders(workflow, definition, values)
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], definition)


def rendered_definitions(
    names: ResourceNames, directory: Path = STEP_FUNCTIONS_DIR
) -> dict[str, str]:
    """Every workflow's ASL with this deployment's values filled in."""
    values = substitutions(names)
    return {
        name: render(name, path.read_text(), values)
        for name, path in definition_files(directory).items()
    }
