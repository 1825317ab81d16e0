"""The mailer domain: the ``mailer_worker`` Lambda (Blueprint ``bp``)."""

from chalicelib.mailer.worker import bp, mailer_worker

__all__ = ["bp", "mailer_worker"]
