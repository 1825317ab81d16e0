"""Verification codes: admins upload or generate them, a resident spends one to verify.

Codes are held only as keyed hashes (``shared.verification.codes``) under the
platform's secret key from Secrets Manager. Spending one is a single
conditional write (``state = unused``), so of two people typing the same code
at once exactly one is verified. Wrong codes count against brute-force
limits per account and per address, as sign-in does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from shared.errors import ConflictError, DomainError, FieldIssue, NotFoundError, ValidationError
from shared.identity.ratelimit import Limit, RateLimiter
from shared.tenancy.context import TenantContext
from shared.verification.codes import CodeHasher, generate_code
from shared.verification.methods import PlatformVerification, VerifiedIdentity
from shared.verification.models import BatchRecord
from shared.verification.repository import (
    REVOKED,
    UNUSED,
    USED,
    VerificationRepository,
)
from shared.verification.schemas import (
    CodeBatch,
    MethodOffer,
    SignInProvider,
    code_issue,
)
from shared.verification.secrets import CODE_KEY, PlatformSecrets

METHOD = "code"
CODE_PER_USER = Limit("verify-code-user", 10)
CODE_PER_IP = Limit("verify-code-ip", 30)


class CodeRefusedError(DomainError):
    """The code cannot verify anyone: unknown, already used, or revoked."""

    status = 400
    code = "code_invalid"
    title = "This code is not valid. Check it and try again."


def _field_error(code: str, message: str) -> ValidationError:
    return ValidationError(issues=[FieldIssue("code", code, message)])


def batch_view(repository: VerificationRepository, record: BatchRecord) -> CodeBatch:
    counts = {state: repository.count(record.batch_id, state) for state in (UNUSED, USED, REVOKED)}
    return CodeBatch(
        id=record.batch_id,
        label=record.label,
        source="generated" if record.source == "generated" else "upload",
        total=int(record.total),
        unused=counts[UNUSED],
        used=counts[USED],
        revoked=counts[REVOKED],
        created_at=record.created_at,
    )


class CodeMethod:
    """The ``code`` method: a code from a list the city holds verifies one account once."""

    id = METHOD

    def __init__(
        self,
        secrets: PlatformSecrets,
        limiter: RateLimiter | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._secrets = secrets
        self._limiter = limiter or RateLimiter(clock)
        self._clock = clock

    def offer(self, settings: PlatformVerification) -> MethodOffer | None:
        return MethodOffer(id="code", kind="form") if METHOD in settings.enabled else None

    def sign_in_offer(self, settings: PlatformVerification) -> SignInProvider | None:
        return None

    def hasher(self, tenant: TenantContext) -> CodeHasher:
        return CodeHasher(self._secrets.get_or_create(tenant, CODE_KEY))

    # Residents -------------------------------------------------------------

    def redeem(
        self, tenant: TenantContext, user_id: str, code: str, source_ip: str
    ) -> VerifiedIdentity:
        """Spend ``code`` for ``user_id``; refuse unknown, used and revoked codes alike."""
        limits = [(CODE_PER_USER, user_id), (CODE_PER_IP, source_ip)]
        self._limiter.check(tenant, limits)
        issue = code_issue(code)
        if issue is not None:
            raise _field_error(issue, "Enter the code as it is written.")
        digest = self.hasher(tenant)(code)
        repository = VerificationRepository(tenant)
        record = repository.code(digest)
        if record is None or record.state != UNUSED:
            self._limiter.record(tenant, limits)
            raise CodeRefusedError(code=f"code_{record.state}" if record else None)
        if not repository.claim_code(record, user_id, self._clock()):
            raise CodeRefusedError(code="code_used")
        return VerifiedIdentity(method=METHOD, subject=digest)

    # Admins ----------------------------------------------------------------

    def upload(
        self, tenant: TenantContext, by: str, label: str, codes: list[str]
    ) -> tuple[CodeBatch, int]:
        """Store a list of codes as one batch; returns the batch and how many were left out."""
        hasher = self.hasher(tenant)
        digests = list(dict.fromkeys(hasher(c) for c in codes if code_issue(c) is None))
        if not digests:
            raise ValidationError(
                issues=[FieldIssue("codes", "no_codes", "The list holds no usable code.")]
            )
        return self._store(tenant, by, label, "upload", digests, len(codes))

    def generate(
        self, tenant: TenantContext, by: str, label: str, count: int
    ) -> tuple[CodeBatch, list[str]]:
        """Make ``count`` random codes; their text is returned this once and never kept."""
        hasher = self.hasher(tenant)
        codes: dict[str, str] = {}
        while len(codes) < count:
            code = generate_code()
            codes[hasher(code)] = code
        batch, skipped = self._store(tenant, by, label, "generated", list(codes), count)
        if skipped:  # 60 random bits: a clash with a held code is all but impossible
            raise ConflictError(code="code_clash")
        return batch, list(codes.values())

    def _store(
        self,
        tenant: TenantContext,
        by: str,
        label: str,
        source: str,
        digests: list[str],
        received: int,
    ) -> tuple[CodeBatch, int]:
        repository = VerificationRepository(tenant)
        held = repository.existing_codes(digests)
        fresh = [d for d in digests if d not in held]
        now = self._clock()
        record = repository.add_batch(uuid.uuid4().hex, label, source, len(fresh), by, now)
        repository.add_codes(record.batch_id, fresh, now)
        return batch_view(repository, record), received - len(fresh)

    def batches(self, tenant: TenantContext) -> list[CodeBatch]:
        repository = VerificationRepository(tenant)
        return [batch_view(repository, record) for record in repository.batches()]

    def revoke_batch(self, tenant: TenantContext, batch_id: str) -> CodeBatch:
        """Revoke every unused code of a batch (a code being spent at that moment may win)."""
        repository = VerificationRepository(tenant)
        record = repository.batch(batch_id)
        if record is None:
            raise NotFoundError()
        for code in list(repository.unused_codes(batch_id)):
            repository.revoke_code(code)
        return batch_view(repository, record)

    def revoke_code(self, tenant: TenantContext, code: str) -> None:
        """Revoke one unused code, e.g. a lost paper slip."""
        repository = VerificationRepository(tenant)
        record = None if code_issue(code) else repository.code(self.hasher(tenant)(code))
        if record is None:
            raise NotFoundError("No such code.", code="code_not_found")
        if not repository.revoke_code(record):
            raise ConflictError("Only an unused code can be revoked.", code="code_not_unused")
