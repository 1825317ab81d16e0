"""User groups: manual and smart (rule-based) groups, and membership as rules see it.

Manual groups list their members; smart groups admit whoever matches their
rules over user data (registration answers, email domain, role,
verification, area, participation, registration date). Permission checks
ask :class:`~shared.groups.facts.GroupMembership`, which evaluates smart
rules on the user's current data; the groups worker keeps derived
membership items and member counts for listing (``shared.groups.sync``).
"""

from shared.groups.facts import GroupMembership
from shared.groups.service import GROUP_CHANGED, MEMBERSHIP_CHANGED, GroupService
from shared.groups.sync import InputDescriber, InputFacts, MembershipSync, ParticipationLog

__all__ = [
    "GROUP_CHANGED",
    "MEMBERSHIP_CHANGED",
    "GroupMembership",
    "GroupService",
    "InputDescriber",
    "InputFacts",
    "MembershipSync",
    "ParticipationLog",
]
