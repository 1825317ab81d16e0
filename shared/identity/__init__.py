"""The identity domain: accounts, sessions, profiles and roles.

``IdentityService.register_user`` is the stable entry point for seeding
accounts; the API uses the services below through ``chalicelib.identity``.
"""

from shared.identity.admin import UserAdminService
from shared.identity.keys import SigningKeyError, load_signing_key
from shared.identity.passwords import Passwords, password_issues
from shared.identity.profiles import FileStore, ProfileService
from shared.identity.ratelimit import RateLimiter
from shared.identity.service import IdentityService, normalize_email
from shared.identity.sessions import IssuedSession, SessionService
from shared.identity.tokens import AccessTokens

__all__ = [
    "AccessTokens",
    "FileStore",
    "IdentityService",
    "IssuedSession",
    "Passwords",
    "ProfileService",
    "RateLimiter",
    "SessionService",
    "SigningKeyError",
    "UserAdminService",
    "load_signing_key",
    "normalize_email",
    "password_issues",
]
