"""Where the access-token signing key comes from: only the configured source.

- ``file:<path>`` — a local key file (local and test stages only). A missing
  file is created with 64 random bytes and mode 0600; creation is exclusive,
  so two processes starting together end up with the same key.
- ``secretsmanager:<secret id>`` — a Secrets Manager secret (binary, or a
  string of at least 32 characters), read with the injected client.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

MIN_KEY_BYTES = 32
GENERATED_KEY_BYTES = 64


class SigningKeyError(RuntimeError):
    """The signing key source is missing, unknown or holds too weak a key."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"signing key source {source!r}: {reason}")
        self.source = source
        self.reason = reason


def _from_file(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it first; read theirs
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(GENERATED_KEY_BYTES))
    return path.read_bytes()


def _from_secrets_manager(secret_id: str, client: Any) -> bytes:
    secret = client.get_secret_value(SecretId=secret_id)
    if secret.get("SecretBinary") is not None:
        return bytes(secret["SecretBinary"])
    return str(secret.get("SecretString") or "").encode()


def load_signing_key(
    source: str, secrets_client: Callable[[], Any], *, allow_file: bool = True
) -> bytes:
    """Read the key named by ``source``; refuse unknown schemes and short keys."""
    scheme, _, location = source.partition(":")
    if not location:
        raise SigningKeyError(source, "expected file:<path> or secretsmanager:<secret id>")
    if scheme == "file":
        if not allow_file:
            raise SigningKeyError(source, "key files are for local stages only")
        key = _from_file(Path(location))
    elif scheme == "secretsmanager":
        key = _from_secrets_manager(location, secrets_client())
    else:
        raise SigningKeyError(source, f"unknown scheme {scheme!r}")
    if len(key) < MIN_KEY_BYTES:
        raise SigningKeyError(source, f"the key must have at least {MIN_KEY_BYTES} bytes")
    return key
