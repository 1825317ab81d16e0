"""Identity verification on the demo platforms: printed codes and the local provider.

Seeding enables both methods and uploads :data:`DEMO_CODES` (as a city would
upload a list); the runner prints the codes on every start. The local
OpenID Connect provider (``infra.local.oidc_provider``) runs on its own port,
which may change between starts, so on every start the runner registers each
demo platform with it and points the platform's provider settings at it
(fresh client secret in Secrets Manager), unless an admin has set up another
provider since.
"""

from __future__ import annotations

from typing import Any

from infra.local.demo_content import PLATFORMS, DemoPlatform

DEMO_CODES: dict[str, tuple[str, ...]] = {
    "demo": ("LIND-0001-DEMO", "LIND-0002-DEMO", "LIND-0003-DEMO", "LIND-0004-DEMO"),
    "riverside": ("RIVR-0001-DEMO", "RIVR-0002-DEMO", "RIVR-0003-DEMO", "RIVR-0004-DEMO"),
}
PROVIDER_NAME = "Local ID"
LOCAL_ISSUERS = ("http://127.0.0.1:", "http://localhost:")


def _runner(demo: DemoPlatform) -> Any:
    """The runner acts as the platform's admin (it is the operator here)."""
    from shared.permissions import Principal, Role, RoleGrant

    return Principal("local-runner", demo.id, frozenset({RoleGrant(Role.ADMIN)}))


def _tenant(demo: DemoPlatform) -> Any:
    from shared.tenancy import TenantContext

    return TenantContext(demo.id, demo.host)


def seed_verification(demo: DemoPlatform) -> None:
    """Enable codes and the provider, and upload the printed demo codes."""
    from chalicelib.verification.wiring import verification
    from shared.verification.schemas import MethodsUpdate

    service, tenant, admin = verification(), _tenant(demo), _runner(demo)
    service.set_methods(tenant, admin, MethodsUpdate(enabled_methods=["code", "oidc"]), "")
    service.upload_codes(tenant, admin, "Printed demo codes", list(DEMO_CODES[demo.id]))


def use_local_provider(provider: Any, site_port: int) -> None:
    """Register every existing demo platform with ``provider`` and point it there."""
    from chalicelib import runtime
    from chalicelib.verification.wiring import verification
    from shared.errors import TenantNotFoundError
    from shared.verification.schemas import OidcProviderUpdate

    service = verification()
    for demo in PLATFORMS:
        try:
            runtime.platforms().resolve(demo.host)
        except TenantNotFoundError:
            continue
        tenant = _tenant(demo)
        current = service.settings(tenant).oidc
        if current is not None and not current.issuer.startswith(LOCAL_ISSUERS):
            continue  # an admin chose a real provider: leave it alone
        origin = f"http://{demo.host}:{site_port}"
        client = provider.register_client(
            f"townhall-{demo.id}", [f"{origin}/api/v1/auth/oidc/callback"]
        )
        body = OidcProviderUpdate(
            name=PROVIDER_NAME,
            issuer=provider.issuer,
            client_id=client.client_id,
            client_secret=client.client_secret,
            sign_in=True if current is None else current.sign_in,
            verification=True if current is None else current.verification,
        )
        service.set_oidc(tenant, _runner(demo), body, origin)


def printed_codes() -> list[tuple[str, str]]:
    """(host, code) of every demo platform's codes, for the runner's banner."""
    from chalicelib import runtime
    from shared.errors import TenantNotFoundError

    found = []
    for demo in PLATFORMS:
        try:
            runtime.platforms().resolve(demo.host)
        except TenantNotFoundError:
            continue
        found += [(demo.host, code) for code in DEMO_CODES[demo.id]]
    return found
