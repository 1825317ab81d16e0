"""Per-project input forms: read by everyone who may see the project, set by its managers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from shared.db.repository import TenantRepository
from shared.errors import FieldIssue, NotFoundError, ValidationError
from shared.ideation.forms import InputForm
from shared.ideation.models import InputFormRecord
from shared.ideation.phases import project_by_ref
from shared.ideation.topics import TopicRepository
from shared.permissions import Action, Principal, authorize
from shared.projects.models import ProjectRecord
from shared.projects.operations.base import project_resource
from shared.tenancy.context import TenantContext

FORM_SK = "FORM"


class InputFormRepository(TenantRepository):
    """One form per project: pk ``T#t#FORM#<project_id>``, sk ``FORM``."""

    def pk(self, project_id: str) -> str:
        return self.key("FORM", project_id)

    def get(self, project_id: str) -> InputForm:
        """The project's form, or the default form if none was saved.

        Topics deleted since the form was saved drop out here, so residents
        are never offered (and ideas never accept) a topic that is gone.
        """
        try:
            record = self.check(InputFormRecord.get(self.pk(project_id), FORM_SK))
        except InputFormRecord.DoesNotExist:
            return InputForm()
        form = InputForm.model_validate(record.form)
        if form.topic_ids:
            known = {r.topic_id for r in TopicRepository(self.tenant).all()}
            form.topic_ids = [t for t in form.topic_ids if t in known]
        return form

    def put(self, project_id: str, form: InputForm, at: datetime) -> None:
        InputFormRecord(
            self.pk(project_id),
            FORM_SK,
            project_id=project_id,
            form=form.model_dump(mode="json"),
            updated_at=at,
        ).save()


class InputFormService:
    """GET is as public as the project; PUT needs PROJECT_MANAGE on it."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def _project(
        self, tenant: TenantContext, principal: Principal, project_ref: str, action: Action
    ) -> ProjectRecord:
        project = project_by_ref(tenant, project_ref)
        if project is None:
            raise NotFoundError()
        resource = project_resource(project)
        authorize(principal, Action.PROJECT_VIEW, resource)
        if action is not Action.PROJECT_VIEW:
            authorize(principal, action, resource)
        return project

    def form_of(self, tenant: TenantContext, project_id: str) -> InputForm:
        return InputFormRepository(tenant).get(project_id)

    def get(self, tenant: TenantContext, principal: Principal, project_ref: str) -> InputForm:
        project = self._project(tenant, principal, project_ref, Action.PROJECT_VIEW)
        return self.form_of(tenant, project.project_id)

    def put(
        self, tenant: TenantContext, principal: Principal, project_ref: str, form: InputForm
    ) -> InputForm:
        """Replace the project's form; every topic must be one of the platform's topics."""
        project = self._project(tenant, principal, project_ref, Action.PROJECT_MANAGE)
        known = {r.topic_id for r in TopicRepository(tenant).all()}
        unknown = [t for t in form.topic_ids if t not in known]
        if unknown:
            raise ValidationError(
                issues=[
                    FieldIssue(
                        f"topic_ids.{form.topic_ids.index(t)}",
                        "unknown_topic",
                        "This topic does not exist; choose one of the platform's topics.",
                    )
                    for t in unknown
                ]
            )
        InputFormRepository(tenant).put(project.project_id, form, self._clock())
        return form
