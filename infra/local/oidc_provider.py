"""A small, real OpenID Connect provider for the local stack and the tests.

Built from Authlib's server components (its Flask authorisation server, the
authorisation code grant with PKCE required, and the OpenID Connect code
extension with a required nonce), served by werkzeug on its own port. It
publishes a discovery document and its RSA key set, signs ID tokens with
RS256, and checks client secrets, redirect URIs and code verifiers as a
production provider would. Its login page lists a few demo identities to
sign in as and asks for consent; nothing is stored beyond the process.

Start it with :meth:`LocalProvider.start`; ``infra.local.runner`` does so on
``--oidc-port`` and registers one client per demo platform.
"""

from __future__ import annotations

import html
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin, grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core.grants import OpenIDCode
from flask import Flask, Response, request
from joserfc.jwk import KeySet, RSAKey
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

CODE_SECONDS = 300
ID_TOKEN_SECONDS = 600
SCOPES = ("openid", "profile", "email")


class _QuietHandler(WSGIRequestHandler):
    """No line per request (the runner's output is for people)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None


@dataclass(frozen=True)
class DemoIdentity:
    """A person the local provider can sign in as."""

    sub: str
    given_name: str
    family_name: str
    email: str
    email_verified: bool = True


DEMO_IDENTITIES: tuple[DemoIdentity, ...] = (
    DemoIdentity("demo-0001", "Amélie", "Dupont", "amelie.dupont@example.org"),
    DemoIdentity("demo-0002", "Jonas", "Peeters", "jonas.peeters@example.org"),
    DemoIdentity("demo-0003", "Zofia", "Nowak", "zofia.nowak@example.org"),
    DemoIdentity("demo-0004", "Lucía", "García", "lucia.garcia@example.org", email_verified=False),
)


@dataclass
class LocalClient(ClientMixin):  # type: ignore[misc]
    """A registered relying party: one per platform."""

    client_id: str
    client_secret: str
    redirect_uris: list[str]

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str) -> str:
        return " ".join(s for s in (scope or "").split() if s in SCOPES)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(client_secret.encode(), self.client_secret.encode())

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class IssuedCode:
    """An authorisation code waiting to be exchanged."""

    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: DemoIdentity
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int = field(default_factory=lambda: int(time.time()))

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> None:
        return None

    def get_amr(self) -> None:
        return None

    def is_expired(self) -> bool:
        return time.time() > self.auth_time + CODE_SECONDS


class LocalProvider:
    """The provider: identities, clients, signing key and the web app serving them."""

    def __init__(
        self,
        identities: tuple[DemoIdentity, ...] = DEMO_IDENTITIES,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.identities = {identity.sub: identity for identity in identities}
        self.clients: dict[str, LocalClient] = {}
        self._codes: dict[str, IssuedCode] = {}
        self._lock = threading.Lock()
        self.key = RSAKey.generate_key(2048, parameters={"use": "sig"}, auto_kid=True)
        self._server: BaseWSGIServer = make_server(
            host, port, self._app(), threaded=True, request_handler=_QuietHandler
        )
        self.issuer = f"http://{host}:{self._server.server_port}"
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_port)

    def register_client(self, client_id: str, redirect_uris: list[str]) -> LocalClient:
        """Register (or replace) a client with a fresh secret; returns it."""
        client = LocalClient(client_id, secrets.token_urlsafe(32), list(redirect_uris))
        self.clients[client_id] = client
        return client

    def start(self) -> LocalProvider:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="oidc-provider", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # Authlib's hooks -------------------------------------------------------

    def _grant(self) -> type[grants.AuthorizationCodeGrant]:
        provider = self

        class CodeGrant(grants.AuthorizationCodeGrant):  # type: ignore[misc]
            TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

            def save_authorization_code(self, code: str, req: Any) -> None:
                payload = req.payload.data
                with provider._lock:
                    provider._codes[code] = IssuedCode(
                        code=code,
                        client_id=req.client.client_id,
                        redirect_uri=req.payload.redirect_uri,
                        scope=req.scope,
                        user=req.user,
                        nonce=payload.get("nonce"),
                        code_challenge=payload.get("code_challenge"),
                        code_challenge_method=payload.get("code_challenge_method"),
                    )

            def query_authorization_code(self, code: str, client: LocalClient) -> Any:
                with provider._lock:
                    found = provider._codes.get(code)
                if found and found.client_id == client.client_id and not found.is_expired():
                    return found
                return None

            def delete_authorization_code(self, authorization_code: IssuedCode) -> None:
                with provider._lock:
                    provider._codes.pop(authorization_code.code, None)

            def authenticate_user(self, authorization_code: IssuedCode) -> DemoIdentity:
                return authorization_code.user

        return CodeGrant

    def _openid(self) -> OpenIDCode:
        provider = self

        class LocalOpenIDCode(OpenIDCode):  # type: ignore[misc]
            def exists_nonce(self, nonce: str, req: Any) -> bool:
                with provider._lock:
                    return any(c.nonce == nonce for c in provider._codes.values())

            def resolve_client_private_key(self, client: LocalClient) -> RSAKey:
                return provider.key

            def get_client_algorithm(self, client: LocalClient) -> str:
                return "RS256"

            def get_encode_header(self, client: LocalClient) -> dict[str, str]:
                return {"alg": "RS256", "kid": str(provider.key.kid)}

            def get_client_claims(self, client: LocalClient) -> dict[str, Any]:
                now = int(time.time())
                return {
                    "iss": provider.issuer,
                    "aud": [client.client_id],
                    "exp": now + ID_TOKEN_SECONDS,
                }

            def generate_user_info(self, user: DemoIdentity, scope: str) -> UserInfo:
                info = UserInfo(sub=user.sub)
                if "profile" in scope.split():
                    info.update(given_name=user.given_name, family_name=user.family_name)
                if "email" in scope.split():
                    info.update(email=user.email, email_verified=user.email_verified)
                return info

        return LocalOpenIDCode(require_nonce=True)

    # The web app -----------------------------------------------------------

    def _metadata(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": list(SCOPES),
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "given_name", "family_name", "email", "email_verified"],
        }

    def _app(self) -> Flask:
        app = Flask("townhall-local-oidc")
        server = AuthorizationServer(
            app,
            query_client=lambda client_id: self.clients.get(client_id),
            save_token=lambda token, req: None,
        )
        server.register_grant(self._grant(), [CodeChallenge(required=True), self._openid()])

        @app.get("/.well-known/openid-configuration")
        def discovery() -> Any:
            return self._metadata()

        @app.get("/jwks")
        def jwks() -> Any:
            return KeySet([self.key]).as_dict(private=False)

        @app.route("/authorize", methods=["GET", "POST"])
        def authorize() -> Any:
            try:
                grant = server.get_consent_grant(end_user=None)
            except Exception as error:  # an invalid request is shown, never redirected
                text = html.escape(str(getattr(error, "description", "") or error))
                return Response(_page("Sign-in request refused", f"<p>{text}</p>"), status=400)
            if request.method == "GET":
                return Response(_login_page(grant.client, self.identities.values()))
            if request.form.get("action") != "allow":
                return server.create_authorization_response(grant_user=None, grant=grant)
            user = self.identities.get(request.form.get("identity", ""))
            if user is None:
                return Response(_login_page(grant.client, self.identities.values(), True), 400)
            return server.create_authorization_response(grant_user=user, grant=grant)

        @app.post("/token")
        def token() -> Any:
            return server.create_token_response()

        return app


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} - Local identity provider</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;"
        "padding:0 1rem;color:#1a1a1a}fieldset{border:1px solid #767676;padding:1rem}"
        "label{display:block;margin:.5rem 0}button{font:inherit;padding:.5rem 1rem;"
        "margin:1rem .5rem 0 0}.error{color:#a4000f;font-weight:bold}</style></head>"
        f"<body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>"
    )


def _login_page(client: LocalClient, identities: Any, missing: bool = False) -> str:
    """Choose a demo identity and allow (or refuse) sharing it with the platform."""
    error = '<p class="error" role="alert">Choose who to sign in as.</p>' if missing else ""
    options = "".join(
        f'<label><input type="radio" name="identity" value="{html.escape(i.sub)}"> '
        f"{html.escape(i.given_name)} {html.escape(i.family_name)} "
        f"({html.escape(i.email)})</label>"
        for i in identities
    )
    body = (
        f"{error}<p>Townhall ({html.escape(client.client_id)}) asks for your name and email "
        "address. This provider exists for local development only.</p>"
        '<form method="post"><fieldset><legend>Sign in as</legend>'
        f"{options}</fieldset>"
        '<button type="submit" name="action" value="allow">Sign in and allow</button>'
        '<button type="submit" name="action" value="deny">Cancel</button></form>'
    )
    return _page("Sign in to the local identity provider", body)
