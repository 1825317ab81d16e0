"""Every problem code the backend can answer with has a ``problem.<code>`` message in each
of the frontend's six languages.

The frontend shows a problem in the viewer's language only when its catalogs know the
code, and the server's English text otherwise; a code raised without a message would
reach French or Polish residents (or admins) in English. The codes are read from the
source of every module of ``shared/`` and ``functions/`` (no import, no running service):
``code = "..."`` on error classes, ``code="..."`` arguments, the code argument of
``FieldIssue`` and of any local helper taking a ``code`` parameter, ``PydanticCustomError``
types, problem bodies written as dicts (``{"status": 500, "code": "internal_error"}``), the
codes the resolver gives Chalice's own errors, and the members of the enums whose values
are raised as codes (the policy's ``Reason``). A catalog is the app's messages merged with
every feature's, as the frontend merges them.

Out of reach: codes built at run time (``f"code_{state}"``), and the error types pydantic
names in field issues (``missing``, ``value_error``, ...), whose server text is pydantic's
or the validator's own sentence and names the specifics.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCANNED = ("shared", "functions")
LANGUAGES = ("en", "de", "fr", "nl", "es", "pl")
# Where each call names its code: FieldIssue(field, code, message), PydanticCustomError(code, ...).
KNOWN_CODE_ARGUMENT = {"FieldIssue": 1, "PydanticCustomError": 0}
# Enums whose values become codes at run time: ForbiddenError(code=decision.reason.value).
CODE_ENUMS = {"shared/permissions/policy.py": "Reason"}
# Tables of codes: the first item of each value, and of the ``.get`` fallback.
CODE_TABLES = {"functions/chalicelib/api/problems.py": "_CHALICE_CODES"}
# Codes the scan finds that never reach a person, each with why; keep this short.
NEVER_SHOWN = frozenset(
    {
        # Reason.OK is the reason of an allowed decision: authorize() returns instead of raising.
        "ok",
        # Only a request that bypasses the CDN meets it: the frontend is served through
        # CloudFront, which adds the origin header to every API call it forwards.
        "direct_access_refused",
        # PlatformService.create runs from operators' seeding scripts; no API route creates a
        # platform.
        "host_taken",
    }
)


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    return node.func.attr if isinstance(node.func, ast.Attribute) else None


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _code_positions(tree: ast.AST) -> dict[str, int]:
    """Which positional argument names the code, per callable (methods without ``self``)."""
    positions = dict(KNOWN_CODE_ARGUMENT)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            names = [argument.arg for argument in node.args.args]
            if names and names[0] in ("self", "cls"):
                names = names[1:]
            if "code" in names:
                positions[node.name] = names.index("code")
    return positions


def _enum_values(tree: ast.AST, name: str) -> set[str]:
    """The values of the members of enum ``name``."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == name:
            found.update(
                _literal(statement.value) or ""
                for statement in node.body
                if isinstance(statement, ast.Assign)
            )
    return found


def _table_codes(tree: ast.AST, name: str) -> set[str]:
    """The first item of each value of table ``name``, and of the fallback of its ``.get``."""
    entries: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            entries += node.value.values if isinstance(node.value, ast.Dict) else []
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and (node.func.value.id, node.func.attr) == (name, "get")
        ):
            entries += node.args[1:]
    return {_literal(entry.elts[0]) or "" for entry in entries if isinstance(entry, ast.Tuple)}


def _class_code(node: ast.ClassDef) -> set[str]:
    """``code = "..."`` (or ``code: str = "..."``) in a class body."""
    found: set[str] = set()
    for statement in node.body:
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        else:
            continue
        if any(isinstance(target, ast.Name) and target.id == "code" for target in targets):
            found.add(_literal(statement.value) or "")
    return found


def _problem_body_code(node: ast.Dict) -> str | None:
    """The code of a problem body written as a dict: it has both a ``status`` and a ``code``."""
    keys = [_literal(key) for key in node.keys]
    if "status" not in keys or "code" not in keys:
        return None
    return _literal(node.values[keys.index("code")])


def codes_raised_in(path: Path) -> set[str]:
    """The problem codes a module can raise, as string literals in the places above."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = path.relative_to(ROOT).as_posix()
    positions = _code_positions(tree)
    found: set[str] = set()
    if module in CODE_ENUMS:
        found |= _enum_values(tree, CODE_ENUMS[module])
    if module in CODE_TABLES:
        found |= _table_codes(tree, CODE_TABLES[module])
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            found |= _class_code(node)
        elif isinstance(node, ast.Dict):
            found.add(_problem_body_code(node) or "")
        elif isinstance(node, ast.Call):
            found.update(_literal(k.value) or "" for k in node.keywords if k.arg == "code")
            position = positions.get(_call_name(node) or "")
            if position is not None and len(node.args) > position:
                found.add(_literal(node.args[position]) or "")
    return found - {""}


def raised_codes() -> dict[str, set[str]]:
    """``{code: modules raising it}`` over every module of the backend."""
    codes: dict[str, set[str]] = {}
    for place in SCANNED:
        for path in sorted((ROOT / place).rglob("*.py")):
            for code in codes_raised_in(path):
                codes.setdefault(code, set()).add(path.relative_to(ROOT).as_posix())
    return codes


def catalog(language: str) -> dict[str, str]:
    """One language's messages as the frontend merges them (app, then every feature)."""
    src = ROOT / "frontend" / "src"
    messages: dict[str, str] = {}
    files = [src / "locales" / f"{language}.json"]
    files += sorted(src.glob(f"features/*/locales/{language}.json"))
    for path in files:
        messages.update(json.loads(path.read_text(encoding="utf-8")))
    return messages


def test_the_languages_are_those_the_frontend_has_catalogs_for() -> None:
    files = (ROOT / "frontend" / "src" / "locales").glob("*.json")
    assert sorted(path.stem for path in files) == sorted(LANGUAGES)


def test_the_scan_finds_codes_of_every_kind_of_raise() -> None:
    codes = raised_codes()
    # a class attribute, FieldIssue, a local helper, a keyword argument, PydanticCustomError
    assert {"like_limit_reached", "invalid_cursor", "unsupported_file_type", "not_an_image"} <= set(
        codes
    )
    assert {"required", "location_empty"} <= set(codes)
    # annotated class attributes, the policy's reasons, problem bodies, Chalice's errors
    assert {"bad_request", "admin_only", "internal_error", "method_not_allowed", "error"} <= set(
        codes
    )
    # modules outside ideation, in shared/ and functions/
    assert {"forbidden", "code_invalid", "direct_access_refused"} <= set(codes)


def test_the_allow_list_names_only_codes_the_scan_finds() -> None:
    assert set(raised_codes()) >= NEVER_SHOWN


def test_every_code_has_a_message_in_every_language() -> None:
    shown = {code: modules for code, modules in raised_codes().items() if code not in NEVER_SHOWN}
    catalogs = {language: catalog(language) for language in LANGUAGES}
    missing = {
        language: {
            code: sorted(modules)
            for code, modules in shown.items()
            if f"problem.{code}" not in messages
        }
        for language, messages in catalogs.items()
    }
    assert missing == {language: {} for language in LANGUAGES}, (
        "add problem.<code> to the catalogs (all six languages)"
    )
