"""Platform domain: the current platform's public settings and their administration."""

from chalicelib.platform.routes import bp

__all__ = ["bp"]
