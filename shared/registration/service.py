"""Registration fields: admins define them, residents answer them, rules require them.

Admins add custom fields (the idea form's question types), switch the
built-in ones on, make fields required, explain their purpose, order them,
and keep the list of areas the area field offers. Everyone may read the
enabled fields, so the sign-up form can show them. For the other domains the
service checks a resident's answers (identity stores them on the user), says
which fields exist (phase permissions may require them) and which a resident
must answer before taking an action (the policy's missing profile fields).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Mapping
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from shared.errors import ConflictError, FieldIssue, NotFoundError, ValidationError
from shared.forms import check_answers
from shared.i18n import pick
from shared.permissions import Action, Principal, Resource, authorize
from shared.registration.builtins import (
    AREA,
    BIRTHYEAR,
    BUILTIN_IDS,
    EARLIEST_BIRTHYEAR,
    PURPOSES,
    birthyear_fits,
    builtin_definition,
)
from shared.registration.models import AreaRecord, FieldRecord
from shared.registration.repository import RegistrationRepository, Setup
from shared.registration.schemas import (
    Area,
    AreaCreate,
    AreaList,
    AreaUpdate,
    FieldList,
    RegistrationField,
    RegistrationFieldCreate,
    RegistrationFieldUpdate,
    RegistrationForm,
    RegistrationOrder,
)
from shared.tenancy.context import TenantContext

ANSWERS = "answers"
_DEFINITION_KEYS: tuple[str, ...] = (
    "type",
    "label",
    "help",
    "options",
    "scale_min",
    "scale_max",
    "min_label",
    "max_label",
)
_BUILTIN_CHANGES = frozenset({"enabled", "required", "purpose"})


class BuiltinFieldError(ConflictError):
    code = "builtin_field"
    title = "Built-in fields cannot be deleted or redefined; switch them off instead."


def _in_order(
    stored: list[str], created: Mapping[str, tuple[int, datetime | None, str]]
) -> list[str]:
    """``stored`` ids that still exist, then the others by their creation key."""
    listed = [i for i in dict.fromkeys(stored) if i in created]
    rest = sorted((i for i in created if i not in set(listed)), key=lambda i: created[i])
    return listed + rest


def area_view(record: AreaRecord) -> Area:
    return Area(id=record.area_id, name=record.name, created_at=record.created_at)


class Registration:
    """A platform's registration setup as one read sees it: fields and areas in order."""

    def __init__(self, setup: Setup) -> None:
        area_keys = {a: (0, r.created_at, a) for a, r in setup.areas.items()}
        self.areas = [setup.areas[a] for a in _in_order(setup.area_order, area_keys)]
        keys: dict[str, tuple[int, datetime | None, str]] = {
            f: (0, None, f"{BUILTIN_IDS.index(f):02d}") for f in BUILTIN_IDS
        }
        keys |= {f: (1, r.created_at, f) for f, r in setup.fields.items() if not r.builtin}
        self.fields = [
            self._view(f, setup.fields.get(f)) for f in _in_order(setup.field_order, keys)
        ]

    def _view(self, field_id: str, record: FieldRecord | None) -> RegistrationField:
        builtin = field_id in BUILTIN_IDS
        if builtin:
            areas = [(a.area_id, a.name) for a in self.areas]
            definition: dict[str, Any] = {"help": None, **builtin_definition(field_id, areas)}
            purpose = record.purpose if record and record.purpose else PURPOSES[field_id]
        else:
            assert record is not None
            definition = dict(record.definition or {})
            purpose = record.purpose
        return RegistrationField.model_validate(
            {
                "scale_min": None,
                "scale_max": None,
                "min_label": None,
                "max_label": None,
                "help": None,
                "options": [],
                **definition,
                "id": field_id,
                "builtin": builtin,
                "purpose": purpose,
                "enabled": bool(record.enabled) if record else False,
                "required": bool(record.required) if record else False,
            }
        )

    def field(self, field_id: str) -> RegistrationField | None:
        return next((f for f in self.fields if f.id == field_id), None)

    @property
    def asked(self) -> list[RegistrationField]:
        """The fields residents answer: enabled, and answerable (the area field needs areas)."""
        return [f for f in self.fields if f.enabled and (f.id != AREA or f.options)]


class RegistrationService:
    """Registration fields and areas of every platform, for one deployment."""

    def __init__(self, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._clock = clock

    def read(self, tenant: TenantContext) -> Registration:
        return Registration(RegistrationRepository(tenant).setup())

    @staticmethod
    def _manage(tenant: TenantContext, principal: Principal) -> None:
        authorize(principal, Action.REGISTRATION_MANAGE, Resource(tenant_id=tenant.tenant_id))

    # ---- residents --------------------------------------------------------------------

    def form(self, tenant: TenantContext) -> RegistrationForm:
        """The fields residents answer, in the admins' order (public)."""
        return RegistrationForm(fields=self.read(tenant).asked)

    def areas(self, tenant: TenantContext) -> AreaList:
        return AreaList(items=[area_view(a) for a in self.read(tenant).areas])

    # ---- admins: fields ---------------------------------------------------------------

    def list_fields(self, tenant: TenantContext, principal: Principal) -> FieldList:
        """Every field, switched off ones too."""
        self._manage(tenant, principal)
        return FieldList(items=self.read(tenant).fields)

    def create_field(
        self, tenant: TenantContext, principal: Principal, body: RegistrationFieldCreate
    ) -> RegistrationField:
        """Add a custom field; it comes last until the fields are reordered."""
        self._manage(tenant, principal)
        repository = RegistrationRepository(tenant)
        field_id = uuid.uuid4().hex[:12]
        record = repository.new_field(
            field_id,
            self._clock(),
            builtin=False,
            enabled=body.enabled,
            required=body.required,
            definition=body.model_dump(mode="json", include=set(_DEFINITION_KEYS)),
            purpose=body.purpose,
        )
        repository.create_field(record)
        created = Registration(repository.setup()).field(field_id)
        assert created is not None
        return created

    def update_field(
        self,
        tenant: TenantContext,
        principal: Principal,
        field_id: str,
        body: RegistrationFieldUpdate,
    ) -> RegistrationField:
        """Apply the named changes; the merged field is checked like a new one."""
        self._manage(tenant, principal)
        repository = RegistrationRepository(tenant)
        setup = repository.setup()
        builtin = field_id in BUILTIN_IDS
        record = setup.fields.get(field_id)
        if record is None and not builtin:
            raise NotFoundError()
        changes = {name: getattr(body, name) for name in body.model_fields_set}
        if builtin and set(changes) - _BUILTIN_CHANGES:
            raise BuiltinFieldError(
                "A built-in field's label and options are fixed: change whether it is "
                "asked, required, and the explanation of its purpose.",
            )
        now = self._clock()
        if record is None:
            record = repository.new_field(field_id, now, builtin=True, enabled=False)
        if not builtin:
            merged = {**(record.definition or {}), **_json(changes, _DEFINITION_KEYS)}
            definition = _definition(merged)
            record.definition = definition.model_dump(mode="json", include=set(_DEFINITION_KEYS))
        for name in ("enabled", "required"):
            if changes.get(name) is not None:
                setattr(record, name, changes[name])
        if "purpose" in changes:
            record.purpose = changes["purpose"]
        record.updated_at = now
        repository.save_field(record)
        updated = Registration(repository.setup()).field(field_id)
        if updated is None:  # deleted meanwhile by another admin
            raise NotFoundError()
        return updated

    def delete_field(self, tenant: TenantContext, principal: Principal, field_id: str) -> None:
        """Delete a custom field; residents' answers to it are no longer asked or shown."""
        self._manage(tenant, principal)
        if field_id in BUILTIN_IDS:
            raise BuiltinFieldError()
        if not RegistrationRepository(tenant).delete_field(field_id):
            raise NotFoundError()

    def reorder_fields(
        self, tenant: TenantContext, principal: Principal, body: RegistrationOrder
    ) -> FieldList:
        """Set the order of every field; ``ids`` must name each field exactly once."""
        self._manage(tenant, principal)
        repository = RegistrationRepository(tenant)
        known = [f.id for f in Registration(repository.setup()).fields]
        _same_ids(body.ids, known, "field")
        repository.set_field_order(body.ids, self._clock())
        return FieldList(items=Registration(repository.setup()).fields)

    # ---- admins: areas ----------------------------------------------------------------

    def create_area(self, tenant: TenantContext, principal: Principal, body: AreaCreate) -> Area:
        self._manage(tenant, principal)
        record = RegistrationRepository(tenant).new_area(
            uuid.uuid4().hex[:12], body.name, self._clock()
        )
        RegistrationRepository(tenant).create_area(record)
        return area_view(record)

    def update_area(
        self, tenant: TenantContext, principal: Principal, area_id: str, body: AreaUpdate
    ) -> Area:
        self._manage(tenant, principal)
        repository = RegistrationRepository(tenant)
        record = repository.setup().areas.get(area_id)
        if record is None:
            raise NotFoundError()
        record.name = body.name
        record.updated_at = self._clock()
        if not repository.save_area(record):
            raise NotFoundError()
        return area_view(record)

    def delete_area(self, tenant: TenantContext, principal: Principal, area_id: str) -> None:
        """Delete an area; residents who chose it are asked for their area again."""
        self._manage(tenant, principal)
        if not RegistrationRepository(tenant).delete_area(area_id):
            raise NotFoundError()

    def reorder_areas(
        self, tenant: TenantContext, principal: Principal, body: RegistrationOrder
    ) -> AreaList:
        self._manage(tenant, principal)
        repository = RegistrationRepository(tenant)
        _same_ids(body.ids, [a.area_id for a in Registration(repository.setup()).areas], "area")
        repository.set_area_order(body.ids, self._clock())
        return AreaList(items=[area_view(a) for a in Registration(repository.setup()).areas])

    # ---- for other domains --------------------------------------------------------------

    def check_answers(
        self,
        tenant: TenantContext,
        answers: dict[str, Any],
        locale: str,
        *,
        partial: bool,
        registration: Registration | None = None,
    ) -> dict[str, Any]:
        """Clean a resident's answers, or refuse them all at once (issues ``answers.<id>``).

        At sign-up (``partial`` false) every required field needs an answer;
        a profile change (``partial``) answers some fields and keeps the rest.
        """
        current = registration or self.read(tenant)
        cleaned = check_answers(current.asked, answers, locale, prefix=ANSWERS, partial=partial)
        year = cleaned.get(BIRTHYEAR)
        if year is not None and not birthyear_fits(year, self._clock().date()):
            field = current.field(BIRTHYEAR)
            name = pick(field.label, locale) if field else BIRTHYEAR
            raise ValidationError(
                "Some answers do not fit the form.",
                issues=[
                    FieldIssue(
                        f"{ANSWERS}.{BIRTHYEAR}",
                        "invalid_year",
                        f"Answer “{name}” with a year from {EARLIEST_BIRTHYEAR} "
                        f"to {self._clock().year}.",
                    )
                ],
            )
        return cleaned

    def existing_fields(self, tenant: TenantContext, field_ids: Collection[str]) -> set[str]:
        """Which of ``field_ids`` are fields of the platform (phase permissions name them)."""
        known = {f.id for f in self.read(tenant).fields}
        return {f for f in field_ids if f in known}

    def required_fields(self, tenant: TenantContext, extra: Collection[str]) -> tuple[str, ...]:
        """The platform's required fields, then those of ``extra``, both in the admins' order.

        Only fields residents can answer count: a switched-off field (or an
        area field without areas) is never asked for, so it cannot block.
        """
        return PlatformRequirements(self).required_fields(tenant, extra)


class PlatformRequirements:
    """The fields a resident must answer, reading the setup at most once (one per request)."""

    def __init__(self, service: RegistrationService) -> None:
        self._service = service
        self._read: dict[str, Registration] = {}

    def required_fields(self, tenant: TenantContext, extra: Collection[str]) -> tuple[str, ...]:
        if tenant.tenant_id not in self._read:
            self._read[tenant.tenant_id] = self._service.read(tenant)
        asked = self._read[tenant.tenant_id].asked
        wanted = set(extra)
        return tuple(
            [f.id for f in asked if f.required]
            + [f.id for f in asked if f.id in wanted and not f.required]
        )


def _definition(merged: dict[str, Any]) -> RegistrationFieldCreate:
    """A custom field's definition after a change, checked like a new one."""
    try:
        return RegistrationFieldCreate.model_validate(merged)
    except PydanticValidationError as error:
        raise ValidationError(
            issues=[
                FieldIssue(
                    ".".join(str(part) for part in item["loc"]) or "body",
                    item["type"],
                    str(item.get("ctx", {}).get("error", item["msg"])),
                )
                for item in error.errors(include_url=False)
            ]
        ) from error


def _json(changes: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {
        key: [o.model_dump(mode="json") for o in value] if key == "options" and value else value
        for key, value in changes.items()
        if key in keys
    }


def _same_ids(given: list[str], known: list[str], what: str) -> None:
    if sorted(given) != sorted(known):
        raise ValidationError(
            issues=[
                FieldIssue(
                    "ids",
                    "order_mismatch",
                    f"List every {what} exactly once: " + ", ".join(sorted(known)) + ".",
                )
            ]
        )
