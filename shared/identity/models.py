"""PynamoDB models of the identity domain: tables ``users`` and ``auth``.

Table ``users`` (hash key ``pk``; entity told apart by ``kind``):
- ``T#<tenant>#USER#<user_id>`` — a user (``kind=user``): names, locale,
  password hash, roles, token version. Also carries ``list_pk`` =
  ``T#<tenant>#USERS`` and ``email`` so the sparse index ``by_email``
  lists one tenant's users in email order (admin user list). Users with
  any role grant (the back-office team) also carry ``team_pk`` =
  ``T#<tenant>#TEAM``: the sparse index ``team`` lists a platform's team
  (admins, managers, moderators) in one small Query, so "who moderates
  project P" never reads the residents.
- ``T#<tenant>#WORD#<user_id>#<word>`` — one word a user is found by
  (``kind=word``, see :mod:`shared.identity.search_words`), with ``word_pk``
  = ``T#<tenant>#WORDS`` and ``word_sk`` = ``<word>#<user_id>``: the sparse
  index ``by_word`` answers "whose words start with ..." in one Query. A
  user's words are written in the same transaction as the user item, so the
  index never names words the user no longer has.
- ``T#<tenant>#EMAIL#<normalised email>`` — the email claim (``kind=email``)
  pointing at ``user_id``. Written with ``attribute_not_exists(pk)`` before
  the user, so two accounts can never share an email, even under concurrency.

Table ``auth`` (hash key ``pk``; ``expires`` is the TTL attribute):
- ``T#<tenant>#REFRESH#<sha256(token)>`` — one refresh token (``kind=refresh``)
  of a family; ``used`` flips once, by a conditional update.
- ``T#<tenant>#FAMILY#<family_id>`` — a refresh family (``kind=family``), one
  per sign-in; ``revoked`` ends every token of the family at once; ``version``
  is the user's token version when the family started.
- ``T#<tenant>#OTT#<purpose>#<sha256(token)>`` — a one-time token
  (``kind=one_time``) for email confirmation or password reset; consumed by a
  conditional delete.
- ``T#<tenant>#RATE#<scope>#<sha256(subject)>#<window>`` — a failure counter
  (``kind=rate``) of one fixed rate-limit window, incremented with ``ADD``.

Refresh tokens, families and one-time tokens also carry ``user_pk`` =
``T#<tenant>#USER#<user_id>``: the sparse index ``by_user`` lists one user's
session items, so deleting an account erases them (their values are secret
hashes, but they still name the user).

A user being deleted carries ``deleting_at`` (set with a bumped token
version, which ends every session at once) until the erasure workflow
removes the item; ``consents`` holds the accepted versions of the platform's
legal documents (``{document: {"version", "accepted_at"}}``);
``password_set`` is false for accounts created by signing in with an
identity provider (they confirm a deletion by email instead of a password).
"""

from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    DiscriminatorAttribute,
    JSONAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from shared.db.registry import table_model


class RoleGrantAttribute(MapAttribute[str, object]):
    role = UnicodeAttribute()
    scope = UnicodeSetAttribute(null=True)


class UsersByEmail(GlobalSecondaryIndex["UserItem"]):
    """Sparse index: the users of one tenant in email order (only user items have ``list_pk``)."""

    class Meta:
        index_name = "by_email"
        projection = AllProjection()

    list_pk = UnicodeAttribute(hash_key=True)
    email = UnicodeAttribute(range_key=True)


class UsersInTeam(GlobalSecondaryIndex["UserItem"]):
    """Sparse index: the users of one tenant who hold a role grant (only those have ``team_pk``)."""

    class Meta:
        index_name = "team"
        projection = AllProjection()

    team_pk = UnicodeAttribute(hash_key=True)
    user_id = UnicodeAttribute(range_key=True)


class UsersByWord(GlobalSecondaryIndex["UserItem"]):
    """Sparse index: one tenant's user words in word order (only word items have ``word_pk``)."""

    class Meta:
        index_name = "by_word"
        projection = AllProjection()

    word_pk = UnicodeAttribute(hash_key=True)
    word_sk = UnicodeAttribute(range_key=True)


class AuthByUser(GlobalSecondaryIndex["AuthItem"]):
    """Sparse: one user's session and one-time-token items (account erasure).

    All attributes are projected: PynamoDB needs ``kind`` to build the items it reads.
    """

    class Meta:
        index_name = "by_user"
        projection = AllProjection()

    user_pk = UnicodeAttribute(hash_key=True)


@table_model("users")
class UserItem(Model):
    """Base of every item in table ``users`` (key layout in the module docstring)."""

    class Meta:
        table_name = "users"

    pk = UnicodeAttribute(hash_key=True)
    kind = DiscriminatorAttribute()
    created_at = UTCDateTimeAttribute()
    by_email = UsersByEmail()
    team = UsersInTeam()
    by_word = UsersByWord()


class UserRecord(UserItem, discriminator="user"):
    """A user of one platform: ``T#<tenant>#USER#<user_id>``."""

    user_id = UnicodeAttribute()
    list_pk = UnicodeAttribute()
    email = UnicodeAttribute()
    first_name = UnicodeAttribute()
    last_name = UnicodeAttribute()
    locale = UnicodeAttribute()
    password_hash = UnicodeAttribute()
    email_confirmed = BooleanAttribute(default=False)
    roles = ListAttribute(of=RoleGrantAttribute, default=list)
    team_pk = UnicodeAttribute(null=True)  # set while ``roles`` is not empty (index ``team``)
    token_version = NumberAttribute(default=1)
    avatar_key = UnicodeAttribute(null=True)
    search = UnicodeAttribute()
    # The rules (``shared.identity.search_words.WORDS_VERSION``) the user's word items follow;
    # absent on users stored before the word index, whom the nightly job indexes.
    words_version = NumberAttribute(null=True)
    updated_at = UTCDateTimeAttribute()
    # Set by a moderator's block (shared.moderation.blocks); read at authentication.
    blocked_until = UTCDateTimeAttribute(null=True)
    block_reason = UnicodeAttribute(null=True)
    # Answers to registration fields, built-in (gender, birthyear, area, education) and
    # custom: {field_id: value}.
    profile = JSONAttribute(null=True)
    # Set when the user proved their identity through a verification method.
    verified_at = UTCDateTimeAttribute(null=True)
    verification_method = UnicodeAttribute(null=True)
    # Accepted versions of the legal documents: {document: {"version", "accepted_at"}}.
    consents = JSONAttribute(null=True)
    # False for accounts made by signing in with an identity provider (no password known).
    password_set = BooleanAttribute(null=True)
    # Set when the person asked to delete the account; the erasure workflow removes the item.
    deleting_at = UTCDateTimeAttribute(null=True)


class UserWord(UserItem, discriminator="word"):
    """One word a user is found by: ``T#<tenant>#WORD#<user_id>#<word>``."""

    user_id = UnicodeAttribute()
    word_pk = UnicodeAttribute()
    word_sk = UnicodeAttribute()


class EmailClaim(UserItem, discriminator="email"):
    """The unique claim of an email in one platform: ``T#<tenant>#EMAIL#<email>``."""

    user_id = UnicodeAttribute()


@table_model("auth")
class AuthItem(Model):
    """Base of every item in table ``auth`` (key layout in the module docstring)."""

    class Meta:
        table_name = "auth"

    pk = UnicodeAttribute(hash_key=True)
    kind = DiscriminatorAttribute()
    expires = TTLAttribute()
    user_pk = UnicodeAttribute(null=True)  # index ``by_user`` (sessions and one-time tokens)
    by_user = AuthByUser()


class RefreshTokenRecord(AuthItem, discriminator="refresh"):
    """One refresh token, stored as the SHA-256 of the opaque value."""

    user_id = UnicodeAttribute()
    family_id = UnicodeAttribute()
    csrf_hash = UnicodeAttribute()
    used = BooleanAttribute(default=False)
    created_at = UTCDateTimeAttribute()


class RefreshFamilyRecord(AuthItem, discriminator="family"):
    """A chain of rotated refresh tokens born from one sign-in."""

    user_id = UnicodeAttribute()
    version = NumberAttribute()
    revoked = BooleanAttribute(default=False)
    created_at = UTCDateTimeAttribute()


class OneTimeTokenRecord(AuthItem, discriminator="one_time"):
    """An email-confirmation or password-reset token, stored hashed, single use."""

    user_id = UnicodeAttribute()
    purpose = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()


class RateCounterRecord(AuthItem, discriminator="rate"):
    """Failures of one subject in one fixed window."""

    hits = NumberAttribute(default=0)
