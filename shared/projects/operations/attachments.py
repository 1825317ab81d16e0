"""Attachment operations: files of a project, uploaded to S3 and confirmed here."""

from __future__ import annotations

import uuid

from shared.errors import NotFoundError
from shared.permissions import Action, Principal
from shared.projects.models import AttachmentRecord
from shared.projects.operations.base import ServiceBase
from shared.projects.schemas import Attachment, AttachmentCreate
from shared.tenancy.context import TenantContext
from shared.uploads import UploadPurpose


class AttachmentOperations(ServiceBase):
    """Attach confirmed uploads to a project and remove them."""

    def add_attachment(
        self,
        tenant: TenantContext,
        principal: Principal,
        project_id: str,
        body: AttachmentCreate,
    ) -> Attachment:
        """Attach an uploaded file; the key must be this tenant's and an allowed document type."""
        repo = self.repository(tenant)
        self.load_project(repo, principal, project_id, Action.PROJECT_MANAGE)
        stored = self._files.confirm(
            tenant, principal, body.upload_key, UploadPurpose.PROJECT_ATTACHMENT
        )
        attachment_id = uuid.uuid4().hex
        record = AttachmentRecord(
            repo.project_pk(project_id),
            f"ATTACHMENT#{attachment_id}",
            attachment_id=attachment_id,
            project_id=project_id,
            key=stored.key,
            name=body.name or stored.filename,
            size=stored.size,
            content_type=stored.content_type,
            created_at=self.now(),
        )
        repo.save(record)
        self.emit(
            tenant,
            principal,
            "projects.attachment.added",
            project_id=project_id,
            attachment_id=attachment_id,
        )
        return self.presenter().attachment(record)

    def delete_attachment(
        self, tenant: TenantContext, principal: Principal, project_id: str, attachment_id: str
    ) -> None:
        """Detach a file and delete it from storage."""
        repo = self.repository(tenant)
        self.load_project(repo, principal, project_id, Action.PROJECT_MANAGE)
        record = repo.get_attachment(project_id, attachment_id)
        if record is None:
            raise NotFoundError()
        repo.delete(record)
        self._files.delete(record.key)
        self.emit(
            tenant,
            principal,
            "projects.attachment.removed",
            project_id=project_id,
            attachment_id=attachment_id,
        )
