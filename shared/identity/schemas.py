"""API shapes of the identity domain (requests and responses)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator, model_validator

from shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from shared.i18n import SUPPORTED_LOCALES
from shared.identity.passwords import MAX_LENGTH
from shared.permissions import Role

Name = Annotated[str, Field(min_length=1, max_length=80)]
Password = Annotated[str, Field(min_length=1, max_length=MAX_LENGTH)]
Token = Annotated[str, Field(min_length=20, max_length=200)]
ScopeId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
Answers = Annotated[
    dict[Annotated[str, Field(max_length=64)], Any],
    Field(
        max_length=60,
        description="Answers to the platform's registration fields by field id "
        "(GET /registration); checked against each field's type.",
    ),
]
AcceptedPolicies = Annotated[
    dict[Annotated[str, Field(pattern=r"^(privacy|terms)$")], Annotated[int, Field(ge=1)]],
    Field(
        description="The versions of the legal documents accepted (GET /legal): every "
        "published one is required at sign-up.",
    ),
]
SCOPED_ROLES = frozenset({Role.FOLDER_MANAGER, Role.PROJECT_MANAGER})


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _check_locale(value: str | None) -> str | None:
    if value is not None and value not in SUPPORTED_LOCALES:
        raise ValueError(f"choose one of: {', '.join(SUPPORTED_LOCALES)}")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class SignUpRequest(_Strict):
    email: EmailStr
    password: Password = Field(description="At least 10 characters, not your email address.")
    first_name: Name
    last_name: Name
    locale: str = Field(default="en", examples=["en"])
    answers: Answers = Field(default_factory=dict)
    accepted_policies: AcceptedPolicies = Field(default_factory=dict)

    _names = field_validator("first_name", "last_name", mode="before")(_strip)
    _locale = field_validator("locale")(_check_locale)

    @field_validator("first_name", "last_name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value:
            raise ValueError("This field is required.")
        return value


class SignInRequest(_Strict):
    email: EmailStr
    password: Password


class EmailOnlyRequest(_Strict):
    email: EmailStr


class TokenRequest(_Strict):
    token: Token


class PasswordResetConfirmRequest(_Strict):
    token: Token
    password: Password = Field(description="At least 10 characters, not your email address.")


class RoleGrantModel(BaseModel):
    """One role and the ids it applies to (empty for platform-wide roles)."""

    model_config = ConfigDict(extra="forbid")

    role: Role
    scope: list[ScopeId] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _scope_fits_role(self) -> RoleGrantModel:
        if self.role is Role.ADMIN and self.scope:
            raise ValueError("the admin role applies to the whole platform; leave scope empty")
        if self.role in SCOPED_ROLES and not self.scope:
            raise ValueError(f"the {self.role.value} role needs at least one id in scope")
        self.scope = sorted(set(self.scope))
        return self


class _UserView(BaseModel):
    id: str
    email: str
    first_name: str
    last_name: str
    locale: str
    avatar_url: str | None
    email_confirmed: bool
    roles: list[RoleGrantModel]
    created_at: datetime


class BlockNotice(BaseModel):
    """Why and until when a moderator blocked the user from taking part."""

    until: datetime
    reason: str | None


class Me(_UserView):
    """The signed-in user's own account."""

    blocked: BlockNotice | None = Field(
        default=None,
        description="Set while a moderator's block lasts: posting, commenting, reacting and "
        "editing are refused until then.",
    )
    verified: bool = Field(
        default=False, description="The user proved their identity through a verification method."
    )
    answers: dict[str, Any] = Field(
        default_factory=dict, description="The user's answers to registration fields, by field id."
    )
    accepted_policies: dict[str, int] = Field(
        default_factory=dict,
        description="The versions of the legal documents the user accepted, by document; "
        "compare with GET /legal to ask for a newer one.",
    )
    has_password: bool = Field(
        default=True,
        description="False for accounts made by signing in with an identity provider.",
    )


class UserSummary(_UserView):
    """A user as admins see them in the user list."""


class AuthSession(BaseModel):
    """A fresh access token (keep it in memory only) and who it belongs to."""

    access_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - a scheme name
    expires_in: int = Field(description="Seconds until the access token expires.")
    user: Me


class ProfileUpdate(_Strict):
    first_name: Name | None = None
    last_name: Name | None = None
    locale: str | None = None
    avatar_upload_key: str | None = Field(
        default=None, max_length=300, description="Key of a confirmed `avatar` upload."
    )
    remove_avatar: bool = False
    answers: Answers | None = Field(
        default=None,
        description="Answers to change, by field id; fields left out keep their answer, "
        'an empty answer (null, "", []) clears an optional one.',
    )

    _names = field_validator("first_name", "last_name", mode="before")(_strip)
    _locale = field_validator("locale")(_check_locale)

    @model_validator(mode="after")
    def _one_avatar_change(self) -> ProfileUpdate:
        if self.remove_avatar and self.avatar_upload_key:
            raise ValueError("either upload a new avatar or remove it, not both")
        return self


class UserListQuery(_Strict):
    cursor: str | None = Field(default=None, max_length=2000)
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
    q: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="Words that start the person's names or email address (accents ignored).",
    )


class RolesUpdate(_Strict):
    roles: list[RoleGrantModel] = Field(max_length=50)
