"""The verification services of this process, built once from the settings.

The OpenID Connect client may reach providers over plain HTTP on local
stages only (the local provider of ``infra/local``); everywhere else HTTPS.
"""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.identity import wiring as identity
from shared.verification import (
    CodeMethod,
    MethodRegistry,
    OidcClient,
    OidcMethod,
    SecretsManagerSecrets,
    VerificationService,
)


@runtime.cached
def platform_secrets() -> SecretsManagerSecrets:
    settings = runtime.settings()
    return SecretsManagerSecrets(
        lambda: runtime.client("secretsmanager"),
        settings.platform_secrets_prefix,
        settings.platform_secrets_key,
    )


@runtime.cached
def verification() -> VerificationService:
    secrets = platform_secrets()
    codes = CodeMethod(secrets)
    oidc = OidcMethod(OidcClient(allow_http=runtime.settings().is_local), secrets)
    return VerificationService(
        MethodRegistry.of([codes, oidc]),
        codes,
        oidc,
        secrets,
        identity.accounts(),
        identity.sessions(),
        runtime.publisher(),
    )
