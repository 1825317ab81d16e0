"""Developer tools of the local stack: the mail viewer (local stages only)."""

from chalicelib.devtools.routes import bp

__all__ = ["bp"]
