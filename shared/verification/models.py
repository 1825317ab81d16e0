"""PynamoDB models of identity verification: table ``verification`` and the OIDC state.

Table ``verification`` (hash key ``pk``; entity told apart by ``kind``):
- ``T#<tenant>#SETTINGS`` — the platform's verification settings (``kind=settings``):
  the enabled methods and the OpenID Connect provider (issuer, client id, claim
  mapping, what it is used for). The client secret is never here: it lives in
  Secrets Manager (``shared.verification.secrets``); ``oidc_secret_set`` only
  says whether one was stored.
- ``T#<tenant>#BATCH#<batch_id>`` — a batch of verification codes (``kind=batch``),
  uploaded or generated at once, with its label and size. ``list_pk`` =
  ``T#<tenant>#BATCHES`` puts it in the sparse index ``batches`` (newest first by
  ``list_sk``).
- ``T#<tenant>#CODE#<hmac>`` — one code (``kind=code``), keyed by the
  HMAC-SHA256 of its normalised text under the platform's secret key, never
  the text itself. ``state`` is ``unused``, ``used`` or ``revoked``; claiming
  or revoking is one conditional update (``state = unused``), so of two
  concurrent uses exactly one wins. ``state_pk`` =
  ``T#<tenant>#BATCH#<batch_id>#<state>`` moves with the state, so the
  keys-only index ``codes_by_state`` counts a batch's codes per state.
- ``T#<tenant>#IDENTITY#<sha256(method, subject)>`` — a verified identity
  (``kind=identity``) and the one account it backs, written with
  ``attribute_not_exists(pk)``: an OIDC subject or a code verifies one
  account per platform. ``user_pk`` = ``T#<tenant>#USER#<user_id>`` puts it in
  the sparse index ``claims_by_user``, so deleting the account frees the
  identity (the person may verify again with a new account).

Table ``auth`` (``shared.identity.models``) also holds, with its TTL:
- ``T#<tenant>#OIDC#<sha256(state)>`` — one OpenID Connect round trip in
  flight (``kind=oidc_state``): nonce, PKCE verifier, purpose, the browser's
  binding and where to return; consumed once by a conditional delete.
"""

from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    DiscriminatorAttribute,
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model

from shared.db.registry import table_model
from shared.identity.models import AuthItem


class BatchesIndex(GlobalSecondaryIndex["VerificationItem"]):
    """Sparse index: one platform's code batches, by creation time."""

    class Meta:
        index_name = "batches"
        projection = AllProjection()

    list_pk = UnicodeAttribute(hash_key=True)
    list_sk = UnicodeAttribute(range_key=True)


class CodesByState(GlobalSecondaryIndex["VerificationItem"]):
    """Keys only: the codes of one batch in one state (counting and revoking)."""

    class Meta:
        index_name = "codes_by_state"
        projection = KeysOnlyProjection()

    state_pk = UnicodeAttribute(hash_key=True)


class ClaimsByUser(GlobalSecondaryIndex["VerificationItem"]):
    """Sparse: the identities one account holds (account erasure)."""

    class Meta:
        index_name = "claims_by_user"
        projection = AllProjection()

    user_pk = UnicodeAttribute(hash_key=True)


@table_model("verification")
class VerificationItem(Model):
    """Base of every item in table ``verification`` (key layout in the module docstring)."""

    class Meta:
        table_name = "verification"

    pk = UnicodeAttribute(hash_key=True)
    kind = DiscriminatorAttribute()
    created_at = UTCDateTimeAttribute()
    batches = BatchesIndex()
    codes_by_state = CodesByState()
    claims_by_user = ClaimsByUser()


class SettingsRecord(VerificationItem, discriminator="settings"):
    """A platform's verification settings."""

    enabled_methods = UnicodeSetAttribute(null=True)
    # {name, issuer, client_id, scopes, claims: {...}, sign_in, verification}
    oidc = JSONAttribute(null=True)
    oidc_secret_set = BooleanAttribute(default=False)
    updated_at = UTCDateTimeAttribute()


class BatchRecord(VerificationItem, discriminator="batch"):
    """Codes uploaded or generated together."""

    batch_id = UnicodeAttribute()
    label = UnicodeAttribute()
    source = UnicodeAttribute()  # "upload" | "generated"
    total = NumberAttribute()
    created_by = UnicodeAttribute()
    list_pk = UnicodeAttribute()
    list_sk = UnicodeAttribute()


class CodeRecord(VerificationItem, discriminator="code"):
    """One verification code, known only by its keyed hash."""

    batch_id = UnicodeAttribute()
    state = UnicodeAttribute()
    state_pk = UnicodeAttribute()
    used_by = UnicodeAttribute(null=True)
    used_at = UTCDateTimeAttribute(null=True)


class IdentityClaim(VerificationItem, discriminator="identity"):
    """A verified identity and the account it backs."""

    user_id = UnicodeAttribute()
    method = UnicodeAttribute()
    user_pk = UnicodeAttribute(null=True)


class OidcStateRecord(AuthItem, discriminator="oidc_state"):
    """One OpenID Connect authorisation in flight, keyed by the SHA-256 of its state."""

    purpose = UnicodeAttribute()  # "sign_in" | "verify"
    user_id = UnicodeAttribute(null=True)
    nonce = UnicodeAttribute()
    code_verifier = UnicodeAttribute()
    browser_hash = UnicodeAttribute()
    return_to = UnicodeAttribute()
    redirect_uri = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
