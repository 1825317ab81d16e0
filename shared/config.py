"""Runtime configuration, parsed once per cold start and passed in.

Resolution order for every setting: explicit argument -> environment
variable -> default. Only :func:`Settings.from_env` reads the environment;
domain code receives a ``Settings`` instance and never touches ``os.environ``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from shared.resources import ResourceNames

ENV_STAGE = "TOWNHALL_STAGE"
ENV_PREFIX = "TOWNHALL_RESOURCE_PREFIX"
ENV_REGION = "AWS_REGION"
ENV_ENDPOINT = "AWS_ENDPOINT_URL"
ENV_KEY_SOURCE = "TOWNHALL_SIGNING_KEY_SOURCE"
ENV_TENANT_HEADER = "TOWNHALL_TENANT_HOST_HEADER"
ENV_ORIGIN_SECRET = "TOWNHALL_ORIGIN_SECRET_SOURCE"  # noqa: S105 - a variable name, not a secret
ENV_SENDER = "TOWNHALL_MAIL_SENDER"
ENV_MAIL_CONFIGURATION_SET = "TOWNHALL_SES_CONFIGURATION_SET"
ENV_RESOURCE_OVERRIDE_PREFIX = "TOWNHALL_RESOURCE_"
ENV_PASSWORD_HASHING = "TOWNHALL_PASSWORD_HASHING"  # noqa: S105 - a variable name
ENV_SITE_PORT = "TOWNHALL_SITE_PORT"
ENV_PLATFORM_SECRETS_KEY = "TOWNHALL_PLATFORM_SECRETS_KEY"

Stage = Literal["local", "test", "staging", "production"]


class Settings(BaseModel):
    """Everything a function needs to know about where it runs."""

    stage: Stage = "local"
    region: str = "eu-west-1"
    resource_prefix: str = "townhall-local"
    endpoint_url: str | None = None
    resource_overrides: dict[str, str] = Field(default_factory=dict)
    signing_key_source: str = "file:.local/keys/signing.key"
    tenant_host_header: str = "host"
    origin_secret_source: str | None = None
    mail_sender: str = "no-reply@townhall.local"
    ses_configuration_set: str | None = None
    access_token_ttl_seconds: int = 900
    refresh_token_ttl_seconds: int = 30 * 24 * 3600
    max_body_bytes: int = 1_048_576
    password_hashing: Literal["standard", "fast"] = Field(
        default="standard",
        description="argon2id cost; 'fast' (tiny memory cost) exists for the test stage only.",
    )

    @model_validator(mode="after")
    def _fast_hashing_only_in_tests(self) -> Settings:
        if self.password_hashing == "fast" and self.stage != "test":  # noqa: S105
            raise ValueError("fast password hashing is allowed on the test stage only")
        return self

    platform_secrets_key: str | None = Field(
        default=None,
        description="KMS key that encrypts the platforms' secrets (the data key on AWS; "
        "Secrets Manager's default key locally).",
    )
    site_port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        description="Local stages only: the port the dev runner serves every platform on.",
    )

    def site_origin(self, host: str) -> str:
        """Scheme, host and port of a platform's site, for links nobody's request carries.

        Workers (emails, notifications) have no request whose Host they could echo:
        https on AWS; http and the runner's port on local stages.
        """
        if not self.is_local:
            return f"https://{host}"
        return f"http://{host}:{self.site_port}" if self.site_port else f"http://{host}"

    @property
    def names(self) -> ResourceNames:
        return ResourceNames(self.resource_prefix, self.resource_overrides)

    @property
    def platform_secrets_prefix(self) -> str:
        """Secrets Manager names of the platforms' own secrets start with this (IAM scopes it)."""
        return f"{self.resource_prefix}/platforms"

    @property
    def is_local(self) -> bool:
        return self.stage in ("local", "test")

    @classmethod
    def from_env(cls, env: Mapping[str, str], **overrides: object) -> Settings:
        """Build settings from an environment mapping; explicit overrides win."""
        values: dict[str, object] = {}
        simple = {
            ENV_STAGE: "stage",
            ENV_PREFIX: "resource_prefix",
            ENV_REGION: "region",
            ENV_ENDPOINT: "endpoint_url",
            ENV_KEY_SOURCE: "signing_key_source",
            ENV_TENANT_HEADER: "tenant_host_header",
            ENV_ORIGIN_SECRET: "origin_secret_source",
            ENV_SENDER: "mail_sender",
            ENV_MAIL_CONFIGURATION_SET: "ses_configuration_set",
            ENV_PASSWORD_HASHING: "password_hashing",
            ENV_SITE_PORT: "site_port",
            ENV_PLATFORM_SECRETS_KEY: "platform_secrets_key",
        }
        for env_name, field_name in simple.items():
            if env.get(env_name):
                values[field_name] = env[env_name]
        values["resource_overrides"] = {
            key[len(ENV_RESOURCE_OVERRIDE_PREFIX) :].lower(): value
            for key, value in env.items()
            if key.startswith(ENV_RESOURCE_OVERRIDE_PREFIX) and key != ENV_PREFIX
        }
        values.update(overrides)
        return cls.model_validate(values)
