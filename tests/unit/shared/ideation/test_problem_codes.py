"""Every error code a resident can meet while taking part in ideation (ideas, reactions,
uploads, listing pages) has a ``problem.<code>`` message in the frontend's English catalog.

The frontend shows a problem in the viewer's language only when its catalogs know the
code, and the server's English text otherwise; a code raised without a message would
reach French or Polish residents in English. The codes are read from the source (no
import, no running service): ``code = "..."`` on error classes, ``code="..."``
arguments, the code argument of ``FieldIssue`` and of any local helper taking a
``code`` parameter, and ``PydanticCustomError`` types. The rest of ``shared/``
(identity, projects, moderation, ...) is outside this check: those codes belong to
their features' pages.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
RESIDENT_FACING = ("shared/ideation", "shared/uploads", "shared/db", "shared/html.py")
# Where each call names its code: FieldIssue(field, code, message), PydanticCustomError(code, ...).
KNOWN_CODE_ARGUMENT = {"FieldIssue": 1, "PydanticCustomError": 0}


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    return node.func.attr if isinstance(node.func, ast.Attribute) else None


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def codes_raised_in(path: Path) -> set[str]:
    """The problem codes a module can raise, as string literals in the places above."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    positions = dict(KNOWN_CODE_ARGUMENT)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            names = [argument.arg for argument in node.args.args]
            if "code" in names:
                positions[node.name] = names.index("code")
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                if isinstance(statement, ast.Assign) and any(
                    isinstance(target, ast.Name) and target.id == "code"
                    for target in statement.targets
                ):
                    found.add(_literal(statement.value) or "")
        elif isinstance(node, ast.Call):
            found.update(_literal(k.value) or "" for k in node.keywords if k.arg == "code")
            position = positions.get(_call_name(node) or "")
            if position is not None and len(node.args) > position:
                found.add(_literal(node.args[position]) or "")
    return found - {""}


def resident_codes() -> dict[str, set[str]]:
    """``{code: modules raising it}`` over the resident-facing modules."""
    codes: dict[str, set[str]] = {}
    for place in RESIDENT_FACING:
        target = ROOT / place
        for path in [target] if target.is_file() else sorted(target.rglob("*.py")):
            for code in codes_raised_in(path):
                codes.setdefault(code, set()).add(str(path.relative_to(ROOT)))
    return codes


def english_catalog() -> dict[str, str]:
    """The app's English messages as the frontend merges them (app, then every feature)."""
    src = ROOT / "frontend" / "src"
    messages: dict[str, str] = {}
    for path in [src / "locales" / "en.json", *sorted(src.glob("features/*/locales/en.json"))]:
        messages.update(json.loads(path.read_text(encoding="utf-8")))
    return messages


def test_the_scan_finds_codes_of_every_kind_of_raise() -> None:
    codes = resident_codes()
    # a class attribute, FieldIssue, a local helper, a keyword argument, PydanticCustomError
    assert {"like_limit_reached", "invalid_cursor", "unsupported_file_type", "not_an_image"} <= set(
        codes
    )
    assert {"required", "location_empty"} <= set(codes)


def test_every_code_a_resident_meets_in_ideation_has_a_translation() -> None:
    catalog = english_catalog()
    missing = {
        code: sorted(modules)
        for code, modules in resident_codes().items()
        if f"problem.{code}" not in catalog
    }
    assert missing == {}, "add problem.<code> to the catalogs (all six languages)"
