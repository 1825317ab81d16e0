"""Projects and folders: their lifecycle, timeline of phases and attachments."""

from shared.projects.service import ProjectService

__all__ = ["ProjectService"]
