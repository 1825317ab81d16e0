"""The person's own data: archive and account deletion routes, and the two workflow
tasks ``personal_data_worker`` and ``account_deletion_worker`` (Blueprint ``bp``)."""

from chalicelib.privacy import routes, workers
from chalicelib.privacy.blueprint import bp

__all__ = ["bp", "routes", "workers"]
