"""Per-platform secrets in Secrets Manager: the code-hashing key and the OIDC client secret.

Each platform's secrets are named ``<prefix>/<tenant>/<purpose>`` under the
deployment's platform-secrets prefix (``Settings.platform_secrets_prefix``),
which is all the API role may read and write. Values are never stored in
DynamoDB, never logged and never returned by the API. Reads are cached per
process for a few minutes, writes replace the cached value.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from shared.tenancy.context import TenantContext

CODE_KEY = "verification-code-key"
OIDC_CLIENT_SECRET = "oidc-client-secret"  # noqa: S105 - a secret's name, not a secret
CACHE_SECONDS = 300.0
GENERATED_KEY_BYTES = 32


class PlatformSecrets(Protocol):
    """Where a platform's secrets are kept."""

    def get(self, tenant: TenantContext, purpose: str) -> str | None: ...

    def put(self, tenant: TenantContext, purpose: str, value: str) -> None: ...

    def get_or_create(self, tenant: TenantContext, purpose: str) -> str: ...


def _error_code(error: Exception) -> str:
    return str(getattr(error, "response", {}).get("Error", {}).get("Code", ""))


class SecretsManagerSecrets:
    """:class:`PlatformSecrets` on Secrets Manager (moto locally and in tests)."""

    def __init__(
        self,
        client: Callable[[], Any],
        prefix: str,
        kms_key_id: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._prefix = prefix.rstrip("/")
        self._kms_key_id = kms_key_id
        self._clock = clock
        self._cache: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def name(self, tenant: TenantContext, purpose: str) -> str:
        return f"{self._prefix}/{tenant.tenant_id}/{purpose}"

    def get(self, tenant: TenantContext, purpose: str) -> str | None:
        name = self.name(tenant, purpose)
        with self._lock:
            cached = self._cache.get(name)
        if cached and self._clock() - cached[0] < CACHE_SECONDS:
            return cached[1]
        try:
            value = str(self._client().get_secret_value(SecretId=name)["SecretString"])
        except Exception as error:
            if _error_code(error) == "ResourceNotFoundException":
                return None
            raise
        self._remember(name, value)
        return value

    def _remember(self, name: str, value: str) -> None:
        with self._lock:
            self._cache[name] = (self._clock(), value)

    def _create(self, name: str, value: str) -> bool:
        """Create the secret; False when it exists already."""
        extra = {"KmsKeyId": self._kms_key_id} if self._kms_key_id else {}
        try:
            self._client().create_secret(Name=name, SecretString=value, **extra)
        except Exception as error:
            if _error_code(error) == "ResourceExistsException":
                return False
            raise
        return True

    def put(self, tenant: TenantContext, purpose: str, value: str) -> None:
        """Store a new value (creating the secret on first use)."""
        name = self.name(tenant, purpose)
        if not self._create(name, value):
            self._client().put_secret_value(SecretId=name, SecretString=value)
        self._remember(name, value)

    def get_or_create(self, tenant: TenantContext, purpose: str) -> str:
        """The secret's value, generating a random one if the platform has none yet.

        Two first uses at once both try to create; the loser reads the
        winner's value, so every process hashes with the same key.
        """
        found = self.get(tenant, purpose)
        if found is not None:
            return found
        name = self.name(tenant, purpose)
        value = secrets.token_urlsafe(GENERATED_KEY_BYTES)
        if not self._create(name, value):
            value = str(self._client().get_secret_value(SecretId=name)["SecretString"])
        self._remember(name, value)
        return value
