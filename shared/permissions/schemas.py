"""The API shape of a decision, so every page can say what the viewer may do and why not."""

from __future__ import annotations

from pydantic import BaseModel, Field

from shared.permissions.policy import Decision


class Permission(BaseModel):
    """Whether the viewer may do something, and the policy's reason when not."""

    allowed: bool
    reason: str = Field(description="`ok`, or why not: `not_signed_in`, `phase_closed`, ...")
    fields: list[str] = Field(
        default_factory=list,
        description="For `missing_profile_fields`: the registration fields to ask for first.",
    )

    @classmethod
    def of(cls, decision: Decision) -> Permission:
        return cls(
            allowed=decision.allowed, reason=decision.reason.value, fields=list(decision.fields)
        )
