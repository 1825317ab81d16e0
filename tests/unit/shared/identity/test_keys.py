"""The signing key comes only from the configured source."""

from __future__ import annotations

import stat
from typing import Any

import pytest

from shared.identity.keys import SigningKeyError, load_signing_key


class FakeSecrets:
    """A Secrets Manager client that holds one secret."""

    def __init__(self, **secret: Any) -> None:
        self.secret = secret
        self.asked: list[str] = []

    def get_secret_value(self, SecretId: str) -> dict[str, Any]:
        self.asked.append(SecretId)
        return self.secret


def _no_client() -> Any:
    raise AssertionError("no client should be needed")


def test_a_missing_key_file_is_created_private_and_then_reused(tmp_path):
    path = tmp_path / "keys" / "signing.key"
    first = load_signing_key(f"file:{path}", _no_client)
    assert len(first) == 64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_signing_key(f"file:{path}", _no_client) == first


def test_key_files_are_refused_outside_local_stages(tmp_path):
    with pytest.raises(SigningKeyError):
        load_signing_key(f"file:{tmp_path / 'k'}", _no_client, allow_file=False)


def test_secrets_manager_strings_and_binaries_are_read():
    client = FakeSecrets(SecretString="s" * 40)
    assert load_signing_key("secretsmanager:townhall/signing", lambda: client) == b"s" * 40
    assert client.asked == ["townhall/signing"]
    binary = FakeSecrets(SecretBinary=b"b" * 32)
    assert load_signing_key("secretsmanager:arn:aws:x", lambda: binary) == b"b" * 32


@pytest.mark.parametrize("source", ["", "env:KEY", "kms:alias/x", "file:"])
def test_unknown_sources_are_refused(source):
    with pytest.raises(SigningKeyError):
        load_signing_key(source, _no_client)


def test_short_keys_are_refused():
    with pytest.raises(SigningKeyError, match="32 bytes"):
        load_signing_key("secretsmanager:x", lambda: FakeSecrets(SecretString="short"))
