"""The frontend's typed client must match the OpenAPI document the code produces.

`frontend/src/lib/api/openapi.json` and the `schema.d.ts` generated from it
are committed so the frontend builds without Python; this test fails as
soon as either falls behind the routes. The fix is always `make client`.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from pathlib import Path

from infra.local.openapi import document

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
COMMITTED_DOCUMENT = FRONTEND / "src/lib/api/openapi.json"
COMMITTED_SCHEMA = FRONTEND / "src/lib/api/schema.d.ts"
HINT = "the typed API client is out of date: run `make client` and commit the result"


def generator_options() -> list[str]:
    """The flags `npm run gen:api` passes to openapi-typescript, so both agree."""
    script = json.loads((FRONTEND / "package.json").read_text())["scripts"]["gen:api"]
    words = shlex.split(script)
    options = words[words.index("-o") + 2 :]
    return options


def test_committed_openapi_document_matches_the_code() -> None:
    # GIVEN the document the routes produce now
    current = json.dumps(document(), indent=2, sort_keys=True) + "\n"
    # WHEN compared with the copy the frontend is generated from
    committed = COMMITTED_DOCUMENT.read_text()
    # THEN they are identical
    assert committed == current, f"frontend/src/lib/api/openapi.json differs from the code: {HINT}"


def test_committed_typescript_schema_matches_the_document(tmp_path: Path) -> None:
    # GIVEN the committed document (the test above ties it to the code)
    npx = shutil.which("npx")
    assert npx, "npx is needed to check the generated client (make test runs npm ci first)"
    output = tmp_path / "schema.d.ts"
    # WHEN the frontend's own openapi-typescript generates the types again
    result = subprocess.run(
        [
            npx,
            "--no-install",
            "openapi-typescript",
            str(COMMITTED_DOCUMENT),
            "-o",
            str(output),
            *generator_options(),
        ],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # THEN they equal the committed schema.d.ts
    assert output.read_text() == COMMITTED_SCHEMA.read_text(), (
        f"frontend/src/lib/api/schema.d.ts differs from the document: {HINT}"
    )
