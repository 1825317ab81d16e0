"""Identity verification: pluggable methods (codes, OpenID Connect) that mark an account verified.

A method implements :class:`VerificationMethod` and is registered in a
:class:`MethodRegistry`; each platform enables the methods it uses. The API
uses :class:`VerificationService` through ``chalicelib.verification``.
"""

from shared.verification.code_method import CodeMethod
from shared.verification.methods import (
    MethodRegistry,
    OidcConfig,
    PlatformVerification,
    VerificationMethod,
    VerifiedIdentity,
)
from shared.verification.oidc import OidcClient, OidcError
from shared.verification.oidc_method import OidcMethod
from shared.verification.secrets import PlatformSecrets, SecretsManagerSecrets
from shared.verification.service import VerificationService, redirect_uri

__all__ = [
    "CodeMethod",
    "MethodRegistry",
    "OidcClient",
    "OidcConfig",
    "OidcError",
    "OidcMethod",
    "PlatformSecrets",
    "PlatformVerification",
    "SecretsManagerSecrets",
    "VerificationMethod",
    "VerificationService",
    "VerifiedIdentity",
    "redirect_uri",
]
