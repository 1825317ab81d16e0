"""One code, many residents at once: each thread stands for one Lambda instance (ADR 0003)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest

import app  # noqa: F401 - registers every table model
from chalicelib.identity import wiring as identity
from chalicelib.verification.wiring import verification
from shared.errors import DomainError
from shared.identity.users import UserRepository
from shared.identity.views import principal_of
from shared.permissions import Role, RoleGrant
from shared.tenancy import TenantContext
from shared.verification.repository import USED, VerificationRepository

ALPHA = TenantContext("alpha", "alpha.test")
PASSWORD = "correct horse battery"


def _parallel(calls):
    """Run every call at the same moment; return each result or the domain error it raised."""
    barrier = Barrier(len(calls))

    def run(call):
        barrier.wait()
        try:
            return call()
        except DomainError as error:
            return error

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def _user(email: str, admin: bool = False):
    grants = frozenset({RoleGrant(Role.ADMIN)}) if admin else frozenset()
    user = identity.accounts().register_user(
        ALPHA, email, PASSWORD, "Ada", "Lovelace", "en", confirmed=True, grants=grants
    )
    return principal_of(user, ALPHA.tenant_id)


@pytest.fixture
def code(aws) -> str:
    from shared.verification.schemas import MethodsUpdate

    admin = _user("admin@example.org", admin=True)
    verification().set_methods(ALPHA, admin, MethodsUpdate(enabled_methods=["code"]), "x")
    generated = verification().generate_codes(ALPHA, admin, "Paper", 1)
    return generated.codes[0]


def test_residents_racing_for_one_code_verify_exactly_one_account(code: str) -> None:
    residents = [_user(f"r{n}@example.org") for n in range(16)]
    # WHEN sixteen residents type the same code at the same moment
    results = _parallel(
        [
            lambda p=p, n=n: verification().redeem_code(ALPHA, p, code, f"10.0.0.{n}")
            for n, p in enumerate(residents)
        ]
    )
    # THEN exactly one is verified, every other is told the code is used
    winners = [r for r in results if not isinstance(r, DomainError)]
    losers = [r for r in results if isinstance(r, DomainError)]
    assert len(winners) == 1 and winners[0].method == "code"
    assert {error.code for error in losers} == {"code_used"}
    users = UserRepository(ALPHA).many(str(p.user_id) for p in residents)
    verified = [u for u in users.values() if u.verified_at is not None]
    assert len(verified) == 1
    # AND the code records the one account that spent it
    repository = VerificationRepository(ALPHA)
    record = repository.code(verification()._codes.hasher(ALPHA)(code))
    assert record is not None and record.state == USED
    assert record.used_by == verified[0].user_id


def test_one_account_racing_with_several_codes_spends_exactly_one(aws) -> None:
    from shared.verification.repository import UNUSED
    from shared.verification.schemas import MethodsUpdate

    admin = _user("admin@example.org", admin=True)
    verification().set_methods(ALPHA, admin, MethodsUpdate(enabled_methods=["code"]), "x")
    codes = verification().generate_codes(ALPHA, admin, "Paper", 6).codes
    resident = _user("ada@example.org")
    # WHEN one resident sends six different codes at the same moment
    results = _parallel(
        [
            lambda c=c, n=n: verification().redeem_code(ALPHA, resident, c, f"10.0.1.{n}")
            for n, c in enumerate(codes)
        ]
    )
    # THEN one verifies the account, the others are told it is verified already
    winners = [r for r in results if not isinstance(r, DomainError)]
    losers = [r for r in results if isinstance(r, DomainError)]
    assert len(winners) == 1
    assert {error.code for error in losers} <= {"already_verified"}
    # AND only the winning code is spent: the others can still verify someone else
    repository = VerificationRepository(ALPHA)
    hasher = verification()._codes.hasher(ALPHA)
    states = [repository.code(hasher(c)) for c in codes]
    assert sorted(str(r.state) for r in states if r is not None) == sorted([USED] + [UNUSED] * 5)
    spare = codes[next(i for i, r in enumerate(states) if r is not None and r.state == UNUSED)]
    grace = _user("grace@example.org")
    assert verification().redeem_code(ALPHA, grace, spare, "10.0.2.1").method == "code"


def test_two_accounts_racing_for_one_identity_end_with_one_owner(aws) -> None:
    from datetime import UTC, datetime

    repository = VerificationRepository(ALPHA)
    now = datetime.now(UTC)
    # WHEN twelve accounts claim the same identity at once
    owners = _parallel(
        [
            lambda n=n: repository.claim_identity("oidc", "https://id.example|42", f"u{n}", now)
            for n in range(12)
        ]
    )
    # THEN every claim answers the same single owner
    assert len(set(owners)) == 1
    assert repository.identity_owner("oidc", "https://id.example|42") == owners[0]
