"""Registration fields: what a platform asks its residents, and the areas they live in.

Admins define custom fields (the idea form's question types, from
:mod:`shared.forms`) and switch on built-in ones (gender, year of birth,
area of residence, education); residents answer them at sign-up and in
their profile (identity stores the answers on the user). Phase permissions
may require fields; the policy then asks for the missing ones.
"""

from shared.registration.service import PlatformRequirements, Registration, RegistrationService

__all__ = ["PlatformRequirements", "Registration", "RegistrationService"]
