"""Upload tickets: presigned POSTs for avatars, logos, project images and files."""

from chalicelib.uploads.routes import bp

__all__ = ["bp"]
