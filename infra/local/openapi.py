"""Print the API's OpenAPI document (``python -m infra.local.openapi``).

The frontend's typed client is generated from this output; a test fails
when the committed copy and the code drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

FUNCTIONS_DIR = Path(__file__).resolve().parents[2] / "functions"


def document() -> dict[str, Any]:
    if str(FUNCTIONS_DIR) not in sys.path:
        sys.path.insert(0, str(FUNCTIONS_DIR))
    import app  # noqa: F401  (importing registers every route)
    from chalicelib.api.openapi import build_document

    result: dict[str, Any] = build_document()
    return result


def main() -> None:
    sys.stdout.write(json.dumps(document(), indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
