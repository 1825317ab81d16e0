"""The notifications domain: follows, notification centre, preferences, ``notifier_worker``."""

from chalicelib.notifications import routes
from chalicelib.notifications.blueprint import bp
from chalicelib.notifications.worker import notifier_worker

__all__ = ["bp", "notifier_worker", "routes"]
