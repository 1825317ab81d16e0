"""An idea's content checked against its project's form, with uploads confirmed.

:func:`check_content` gathers every problem of a submission at once (built-in
fields switched off or required, topics outside the project's, too many
images, uploads that are not the resident's or not of the right kind, custom
answers) so a resident fixes them in one go; nothing is written before it
passes. Upload confirmation checks each new key through the uploads service.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shared.errors import FieldIssue, ValidationError
from shared.html import html_to_text, sanitize_localized
from shared.ideation.forms import InputForm, check_custom_values
from shared.ideation.ports import FileStore
from shared.ideation.schemas import Location
from shared.permissions import Principal
from shared.tenancy.context import TenantContext
from shared.uploads import UploadPurpose


@dataclass
class Draft:
    """What an idea would hold after a create or an edit (before it is written)."""

    title: dict[str, str]
    body: dict[str, str]
    topic_ids: list[str]
    location: Location | None
    image_keys: list[str]
    attachment_keys: list[str]
    custom_fields: dict[str, Any] | None
    # Files already on the idea: kept without confirming them again.
    known_images: dict[str, dict[str, Any]] = field(default_factory=dict)
    known_attachments: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckedContent:
    body: dict[str, str]
    topic_ids: list[str]
    location: Location | None
    images: list[dict[str, Any]]
    attachments: list[dict[str, Any]]
    custom_fields: dict[str, Any] | None


def _has_text(body: dict[str, str]) -> bool:
    return any(html_to_text(v) or "<img" in v for v in body.values())


def _builtin_issues(form: InputForm, draft: Draft, body: dict[str, str]) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    present = {
        "body": _has_text(body),
        "topics": bool(draft.topic_ids),
        "location": draft.location is not None,
        "images": bool(draft.image_keys),
        "attachments": bool(draft.attachment_keys),
    }
    names = {
        "body": ("body", "a description"),
        "topics": ("topic_ids", "at least one topic"),
        "location": ("location", "a location"),
        "images": ("image_keys", "at least one image"),
        "attachments": ("attachment_keys", "at least one attachment"),
    }
    for name, setting in form.builtin.model_dump().items():
        where, what = names[name]
        if present[name] and not setting["enabled"]:
            issues.append(
                FieldIssue(where, "field_disabled", f"This project does not ask for {what}.")
            )
        elif setting["required"] and not present[name]:
            issues.append(FieldIssue(where, "required", f"Please add {what}."))
    allowed = set(form.topic_ids)
    for position, topic_id in enumerate(draft.topic_ids):
        if topic_id not in allowed:
            issues.append(
                FieldIssue(
                    f"topic_ids.{position}",
                    "unknown_topic",
                    "Choose topics from the list this project offers.",
                )
            )
    if len(set(draft.topic_ids)) != len(draft.topic_ids):
        issues.append(FieldIssue("topic_ids", "duplicate", "Choose each topic once."))
    if len(draft.image_keys) > form.max_images:
        issues.append(
            FieldIssue(
                "image_keys",
                "too_many_images",
                f"Add at most {form.max_images} image{'s' if form.max_images != 1 else ''}.",
            )
        )
    for name in ("image_keys", "attachment_keys"):
        keys = getattr(draft, name)
        if len(set(keys)) != len(keys):
            issues.append(FieldIssue(name, "duplicate", "Each file can be added once."))
    return issues


def _confirm(
    files: FileStore,
    tenant: TenantContext,
    principal: Principal,
    keys: list[str],
    known: dict[str, dict[str, Any]],
    purpose: UploadPurpose,
    where: str,
    issues: list[FieldIssue],
) -> list[dict[str, Any]]:
    confirmed: list[dict[str, Any]] = []
    for position, key in enumerate(keys):
        if key in known:
            confirmed.append(known[key])
            continue
        try:
            stored = files.confirm(tenant, principal, key, purpose)
        except ValidationError as error:
            issues.extend(
                FieldIssue(f"{where}.{position}", i.code, i.message) for i in error.issues
            )
            continue
        if purpose is UploadPurpose.IDEA_IMAGE:
            confirmed.append({"key": stored.key})
        else:
            confirmed.append({"key": stored.key, "name": stored.filename, "size": stored.size})
    return confirmed


def check_content(
    files: FileStore,
    tenant: TenantContext,
    principal: Principal,
    form: InputForm,
    draft: Draft,
    locale: str,
) -> CheckedContent:
    """The idea's content ready to store, or one ValidationError listing every problem."""
    body = sanitize_localized(draft.body)
    issues = _builtin_issues(form, draft, body)
    custom: dict[str, Any] | None = None
    if draft.custom_fields is not None:
        try:
            custom = check_custom_values(form, draft.custom_fields, locale)
        except ValidationError as error:
            issues.extend(error.issues)
    images, attachments = [], []
    if not issues:  # only touch uploads once the rest is right
        images = _confirm(
            files,
            tenant,
            principal,
            draft.image_keys,
            draft.known_images,
            UploadPurpose.IDEA_IMAGE,
            "image_keys",
            issues,
        )
        attachments = _confirm(
            files,
            tenant,
            principal,
            draft.attachment_keys,
            draft.known_attachments,
            UploadPurpose.IDEA_ATTACHMENT,
            "attachment_keys",
            issues,
        )
    if issues:
        raise ValidationError("Some fields of your idea need your attention.", issues=issues)
    return CheckedContent(
        body=body if _has_text(body) else {},
        topic_ids=list(draft.topic_ids),
        location=draft.location,
        images=images,
        attachments=attachments,
        custom_fields=custom,
    )
