"""The projects service: one object with every operation on folders, projects,
phases and attachments. Each method takes the tenant and the acting principal
first and asks :mod:`shared.permissions` before it acts.
"""

from __future__ import annotations

from shared.projects.operations.attachments import AttachmentOperations
from shared.projects.operations.folders import FolderOperations
from shared.projects.operations.phases import PhaseOperations
from shared.projects.operations.projects import ProjectOperations


class ProjectService(FolderOperations, ProjectOperations, PhaseOperations, AttachmentOperations):
    """Folders, projects, their timelines and files, for one deployment.

    Construct once per process with a :class:`~shared.projects.ports.FileStore`,
    an event publisher, the method registry, a clock and the tenant default
    language look-up; repositories are built per call from the tenant.
    """
