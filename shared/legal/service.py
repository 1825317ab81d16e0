"""Legal pages: admins publish versions; residents read the current one and accept it.

Each publication is a new version with its date (never an edit), so what a
resident accepted can always be shown again. Sign-up requires the current
versions (:meth:`LegalService.accepted_at_sign_up`, identity's
``PolicyConsents`` port); after a new publication, signed-in residents see
that they have not accepted it yet (``Me.consents`` against
``GET /legal``) and accept it with :meth:`LegalService.accept`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from shared.errors import FieldIssue, ValidationError
from shared.html import sanitize_localized
from shared.identity.users import UserRepository
from shared.legal.models import LegalVersionRecord
from shared.legal.repository import LegalRepository
from shared.legal.schemas import (
    CurrentPolicies,
    LegalDocument,
    LegalDocumentKind,
    LegalPages,
    LegalPublish,
    LegalVersions,
    PolicyAcceptance,
)
from shared.permissions import Action, Principal, Resource, authorize
from shared.tenancy.context import TenantContext


def document_of(record: LegalVersionRecord) -> LegalDocument:
    return LegalDocument(
        document=LegalDocumentKind(record.document),
        version=int(record.version),
        published_at=record.published_at,
        content=dict(record.content or {}),
    )


def _not_accepted(document: LegalDocumentKind) -> FieldIssue:
    return FieldIssue(
        f"accepted_policies.{document.value}",
        "policy_not_accepted",
        "Accept the current privacy policy and terms of use to continue.",
    )


class LegalService:
    """The privacy policy and terms of use of every platform."""

    def __init__(self, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._clock = clock

    def pages(self, tenant: TenantContext) -> LegalPages:
        """The current version of every legal page (for everyone)."""
        repository = LegalRepository(tenant)
        current = {}
        for document in LegalDocumentKind:
            record = repository.latest(document.value)
            if record is not None:
                current[document.value] = document_of(record)
        return LegalPages.model_validate(current)

    def current_versions(self, tenant: TenantContext) -> CurrentPolicies:
        repository = LegalRepository(tenant)
        versions: dict[str, int] = {}
        for document in LegalDocumentKind:
            record = repository.latest(document.value)
            if record is not None:
                versions[document.value] = int(record.version)
        return CurrentPolicies.model_validate(versions)

    def versions(self, tenant: TenantContext, principal: Principal) -> LegalVersions:
        """Every published version of every page, newest first per page (admins)."""
        authorize(principal, Action.LEGAL_MANAGE, Resource(tenant_id=tenant.tenant_id))
        repository = LegalRepository(tenant)
        return LegalVersions(
            items=[document_of(r) for d in LegalDocumentKind for r in repository.versions(d.value)]
        )

    def publish(
        self, tenant: TenantContext, principal: Principal, body: LegalPublish
    ) -> LegalDocument:
        """Publish the next version (sanitised); it is current at once."""
        authorize(principal, Action.LEGAL_MANAGE, Resource(tenant_id=tenant.tenant_id))
        document = body.document
        repository = LegalRepository(tenant)
        latest = repository.latest(document.value)
        version = int(latest.version) + 1 if latest else 1
        content = sanitize_localized(body.content)
        record = repository.publish(
            document.value, version, content, str(principal.user_id), self._clock()
        )
        return document_of(record)

    def _consents(
        self, tenant: TenantContext, accepted: PolicyAcceptance
    ) -> dict[str, dict[str, Any]]:
        """The consents ``accepted`` gives, or a ValidationError naming what is missing."""
        current = self.current_versions(tenant)
        now = self._clock().isoformat()
        issues, consents = [], {}
        for document in LegalDocumentKind:
            wanted = getattr(current, document.value)
            if wanted is None:
                continue
            if getattr(accepted, document.value) != wanted:
                issues.append(_not_accepted(document))
            else:
                consents[document.value] = {"version": wanted, "accepted_at": now}
        if issues:
            raise ValidationError(issues=issues)
        return consents

    def accepted_at_sign_up(
        self, tenant: TenantContext, accepted: dict[str, int]
    ) -> dict[str, dict[str, Any]]:
        """Identity's port: the consents of a sign-up (every current version accepted)."""
        return self._consents(tenant, PolicyAcceptance.model_validate(accepted))

    def accept(
        self, tenant: TenantContext, principal: Principal, body: PolicyAcceptance
    ) -> CurrentPolicies:
        """Record that the signed-in person accepts the current versions they send."""
        assert principal.user_id is not None
        authorize(
            principal,
            Action.PROFILE_UPDATE,
            Resource(tenant_id=tenant.tenant_id, id=principal.user_id, owner_id=principal.user_id),
        )
        current = self.current_versions(tenant)
        sent = {
            d.value: getattr(body, d.value) for d in LegalDocumentKind if getattr(body, d.value)
        }
        stale = [d for d in sent if sent[d] != getattr(current, d)]
        if stale or not sent:
            raise ValidationError(
                issues=[_not_accepted(LegalDocumentKind(d)) for d in stale]
                or [FieldIssue("privacy", "policy_not_accepted", "Accept a current version.")]
            )
        users = UserRepository(tenant)
        user = users.require(principal.user_id)
        now = self._clock().isoformat()
        consents = dict(user.consents or {})
        consents.update({d: {"version": v, "accepted_at": now} for d, v in sent.items()})
        users.set_consents(principal.user_id, consents, self._clock())
        return current
