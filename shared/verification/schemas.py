"""API shapes of identity verification (requests and responses)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from shared.verification.codes import MAX_CODE_LENGTH, MIN_CODE_LENGTH, normalize_code

MAX_UPLOAD_CODES = 10_000
MAX_GENERATED_CODES = 5_000
ClaimName = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,100}$")]
ReturnPath = Annotated[str, Field(max_length=500, pattern=r"^/([^/\s\\][^\s\\]*)?$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- residents -----------------------------------------------------------------------


class MethodOffer(BaseModel):
    """One way a resident may verify their identity on this platform."""

    id: Literal["code", "oidc"]
    kind: Literal["form", "redirect"] = Field(
        description="`form`: type something in (a code); `redirect`: a round trip to a provider."
    )
    name: str | None = Field(default=None, description="The provider's name, for `redirect`.")


class SignInProvider(BaseModel):
    id: Literal["oidc"] = "oidc"
    name: str


class VerificationMethods(BaseModel):
    """What the platform offers: ways to verify, and providers to sign in with."""

    methods: list[MethodOffer]
    sign_in: list[SignInProvider]


class CodeRedeem(_Strict):
    code: str = Field(min_length=1, max_length=200)


class Verified(BaseModel):
    """The account is verified: since when, and how."""

    verified_at: datetime
    method: str


class VerificationStatus(BaseModel):
    """Whether the signed-in user is verified, since when and how."""

    verified_at: datetime | None
    method: str | None


class OidcStart(_Strict):
    return_to: ReturnPath = Field(
        default="/", description="A path on this site to come back to after the provider."
    )


class OidcRedirect(BaseModel):
    """Send the browser here (the provider's authorisation endpoint)."""

    authorization_url: str


class OidcCallbackQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    state: str | None = Field(default=None, max_length=200)
    code: str | None = Field(default=None, max_length=2000)
    error: str | None = Field(default=None, max_length=200)


# -- admins --------------------------------------------------------------------------


class ClaimMapping(_Strict):
    """Which ID-token claims fill which account fields."""

    subject: ClaimName = Field(default="sub", description="A claim that is unique per person.")
    email: ClaimName | None = "email"
    first_name: ClaimName | None = "given_name"
    last_name: ClaimName | None = "family_name"


class OidcProvider(BaseModel):
    """The platform's OpenID Connect provider as admins see it (never the secret)."""

    name: str
    issuer: str
    client_id: str
    scopes: list[str]
    claims: ClaimMapping
    sign_in: bool
    verification: bool
    client_secret_set: bool = Field(description="Whether a client secret is stored.")
    redirect_uri: str = Field(description="Register this callback with the provider.")


class OidcProviderUpdate(_Strict):
    """Set the provider; leave ``client_secret`` out to keep the stored one."""

    name: str = Field(min_length=1, max_length=80)
    issuer: HttpUrl
    client_id: str = Field(min_length=1, max_length=300)
    client_secret: str | None = Field(
        default=None, min_length=1, max_length=1000, description="Write-only."
    )
    scopes: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,60}$")]] = Field(
        default_factory=lambda: ["openid", "profile", "email"], max_length=20
    )
    claims: ClaimMapping = Field(default_factory=ClaimMapping)
    sign_in: bool = False
    verification: bool = True

    @field_validator("scopes")
    @classmethod
    def _openid(cls, scopes: list[str]) -> list[str]:
        unique = list(dict.fromkeys(scopes))
        return unique if "openid" in unique else ["openid", *unique]


class CodeBatch(BaseModel):
    """Codes uploaded or generated together, and how many are used."""

    id: str
    label: str
    source: Literal["upload", "generated"]
    total: int
    unused: int
    used: int
    revoked: int
    created_at: datetime


class VerificationAdmin(BaseModel):
    """The platform's verification set-up."""

    available_methods: list[str]
    enabled_methods: list[str]
    oidc: OidcProvider | None
    redirect_uri: str
    batches: list[CodeBatch]


class MethodsUpdate(_Strict):
    enabled_methods: list[Literal["code", "oidc"]] = Field(max_length=10)


class CodeUpload(_Strict):
    label: str = Field(min_length=1, max_length=100)
    codes: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        min_length=1, max_length=MAX_UPLOAD_CODES
    )


class CodeUploaded(BaseModel):
    batch: CodeBatch
    skipped: int = Field(description="Codes left out: repeated, already held, or not codes.")


class CodeGenerate(_Strict):
    label: str = Field(min_length=1, max_length=100)
    count: int = Field(ge=1, le=MAX_GENERATED_CODES)


class GeneratedCodes(BaseModel):
    """The new codes in plain text: shown this once, never stored or shown again."""

    batch: CodeBatch
    codes: list[str]


class CodeRevoke(_Strict):
    code: str = Field(min_length=1, max_length=200)


def code_issue(code: str) -> str | None:
    """Why a text is no code (too short or long once normalised), or None."""
    normal = normalize_code(code)
    if len(normal) < MIN_CODE_LENGTH:
        return "code_too_short"
    if len(normal) > MAX_CODE_LENGTH:
        return "code_too_long"
    return None
