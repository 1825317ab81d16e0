"""Moderation: reports, the activity queue, moderators' actions and the audit trail.

Blocks (``blocks``), the profanity filter (``profanity*``) and the daily digest
(``digest``) live beside these modules; each module's docstring names its part.
"""
