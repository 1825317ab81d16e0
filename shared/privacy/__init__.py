"""The person's own data (GDPR): archives of it and the deletion of the account.

Each domain declares what it keeps about a person in
``shared/<domain>/personal_data.py`` (:mod:`shared.privacy.providers`); the
archive (:mod:`shared.privacy.exports`) and the erasure
(:mod:`shared.privacy.erasure`) only walk the registry. Import the
submodules directly: this package stays light because tenancy's settings
import :mod:`shared.privacy.modes`.
"""
