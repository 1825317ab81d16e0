"""Seed the demo platforms on the runner's first start, through the domain services.

Everything goes through the same services the API uses -- platform
registry, identity, uploads, projects -- so the demo data obeys every rule
real data does (sanitised HTML, confirmed uploads, slugs, phase overlap).
Files are put at the key an upload ticket names and then confirmed by the
service that uses them, exactly as a browser upload would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from infra.local import demo_files
from infra.local.demo_content import PHASES, PLATFORMS, DemoPlatform, DemoProject, Person
from infra.local.demo_registration import seed_registration
from infra.local.demo_verification import seed_verification
from infra.local.seed_ideation import IdeationSeeder
from infra.local.seed_proposals import ProposalsSeeder

ATTACHMENTS = {
    "pdf": ("project-summary.pdf", "application/pdf"),
    "txt": ("survey-notes.txt", "text/plain"),
}


@dataclass(frozen=True)
class DemoLogin:
    """A credential the runner prints for trying the demo."""

    platform: str
    role: str
    email: str
    password: str


def _localized(text: dict[str, tuple[str, str]], locales: list[str], part: int) -> dict[str, str]:
    return {locale: text[locale][part] for locale in locales if locale in text}


class DemoSeeder:
    """Creates one demo platform with its people, folders, projects, images and files."""

    def __init__(self, today: date) -> None:
        from chalicelib import runtime
        from chalicelib.identity.wiring import accounts
        from chalicelib.projects.service import projects

        self._runtime = runtime
        self._accounts = accounts()
        self._projects = projects()
        self._uploads = runtime.uploads()
        self._s3 = runtime.client("s3")
        self._bucket = runtime.settings().names.bucket("uploads")
        self._today = today
        self._image_seed = 0

    def seed(self, demo: DemoPlatform) -> None:
        from shared.permissions import Principal, Role, RoleGrant
        from shared.tenancy import TenantContext
        from shared.tenancy.schemas import Branding, MapView

        self._runtime.platforms().create(
            demo.id,
            demo.name,
            [demo.host],
            demo.default_locale,
            demo.locales,
            Branding(primary_color=demo.colors[0], secondary_color=demo.colors[1]),
            MapView(lat=demo.map_centre[0], lng=demo.map_centre[1], zoom=14)
            if demo.map_centre
            else None,
        )
        tenant = TenantContext(demo.id, demo.host)
        grants = frozenset({RoleGrant(Role.ADMIN)})
        admin = self._person(tenant, demo.admin, grants)
        principal = Principal(admin.user_id, demo.id, grants, email_confirmed=True)
        answers = seed_registration(demo, principal)
        residents = [
            Principal(
                self._person(tenant, resident, frozenset(), profile).user_id,
                demo.id,
                email_confirmed=True,
            )
            for resident, profile in zip(demo.residents, answers, strict=True)
        ]
        for folder in demo.folders:
            folder_id = self._folder(tenant, principal, demo, folder.title, folder.description)
            for project in folder.projects:
                self._project(tenant, principal, demo, project, folder_id)
        for project in demo.unfiled:
            self._project(tenant, principal, demo, project, None)
        project_id = IdeationSeeder(self._today, self._upload, self._header).seed(
            tenant, principal, demo, residents
        )
        ProposalsSeeder(self._today, self._header).seed(tenant, principal, demo, residents)
        if demo.moderator is not None and project_id is not None:
            scope = frozenset({project_id})
            self._person(tenant, demo.moderator, frozenset({RoleGrant(Role.MODERATOR, scope)}))
        seed_verification(demo)

    def _person(
        self,
        tenant: Any,
        person: Person,
        grants: frozenset[Any],
        profile: dict[str, Any] | None = None,
    ) -> Any:
        return self._accounts.register_user(
            tenant,
            person.email,
            person.password,
            person.first_name,
            person.last_name,
            person.locale,
            confirmed=True,
            grants=grants,
            profile=profile,
        )

    def _upload(
        self, tenant: Any, principal: Any, purpose: str, name: str, kind: str, body: bytes
    ) -> str:
        """Store ``body`` where an upload ticket says, as a browser would; return the key."""
        from shared.uploads import UploadPurpose
        from shared.uploads.service import UploadRequest

        request = UploadRequest(
            purpose=UploadPurpose(purpose), filename=name, content_type=kind, size=len(body)
        )
        key = self._uploads.ticket(tenant, principal, request).key
        self._s3.put_object(Bucket=self._bucket, Key=key, Body=body, ContentType=kind)
        return key

    def _header(self, tenant: Any, principal: Any, demo: DemoPlatform) -> str:
        self._image_seed += 1
        png = self._image_seed % 2 == 0
        start, end = (demo_files.hex_color(c) for c in demo.colors)
        if self._image_seed % 3 == 0:
            start, end = end, start
        body = demo_files.header_image(start, end, self._image_seed, fmt="PNG" if png else "JPEG")
        name, kind = ("header.png", "image/png") if png else ("header.jpg", "image/jpeg")
        return self._upload(tenant, principal, "project_header", name, kind, body)

    def _folder(
        self,
        tenant: Any,
        principal: Any,
        demo: DemoPlatform,
        title: dict[str, str],
        description: dict[str, str],
    ) -> str:
        from shared.projects.schemas import FolderCreate

        created = self._projects.create_folder(
            tenant,
            principal,
            FolderCreate(
                title=title,
                description=description,
                header_image_upload_key=self._header(tenant, principal, demo),
            ),
        )
        self._projects.publish_folder(tenant, principal, created.id)
        return created.id

    def _project(
        self,
        tenant: Any,
        principal: Any,
        demo: DemoPlatform,
        project: DemoProject,
        folder_id: str | None,
    ) -> None:
        from shared.projects.schemas import AttachmentCreate, ProjectCreate

        created = self._projects.create_project(
            tenant,
            principal,
            ProjectCreate(
                title=project.title,
                description=project.description,
                folder_id=folder_id,
                header_image_upload_key=self._header(tenant, principal, demo),
            ),
        )
        self._phases(tenant, principal, demo, created.id)
        if project.attachment:
            name, kind = ATTACHMENTS[project.attachment]
            title = project.title.get("en") or next(iter(project.title.values()))
            body = (
                demo_files.text_pdf(title, ["Summary for residents", f"{demo.name['en']}"])
                if kind == "application/pdf"
                else f"{title}\n\nNotes from the first walk-around with residents.\n".encode()
            )
            key = self._upload(tenant, principal, "project_attachment", name, kind, body)
            self._projects.add_attachment(
                tenant, principal, created.id, AttachmentCreate(upload_key=key)
            )
        self._projects.publish_project(tenant, principal, created.id)

    def _phases(self, tenant: Any, principal: Any, demo: DemoPlatform, project_id: str) -> None:
        """A past, a current and a future phase around today, all 'information'."""
        from shared.projects.schemas import PhaseCreate

        today = self._today
        spans = [
            (today - timedelta(days=120), today - timedelta(days=31)),
            (today - timedelta(days=30), today + timedelta(days=30)),
            (today + timedelta(days=31), None),
        ]
        event_day = datetime.combine(today + timedelta(days=7), time(18, 30), tzinfo=UTC)
        for index, (start, end) in enumerate(spans):
            config: dict[str, Any] = {}
            if index == 1:
                config = {
                    "event": {
                        "title": {demo.default_locale: "Open evening"},
                        "starts_at": event_day.isoformat(),
                        "ends_at": (event_day + timedelta(hours=2)).isoformat(),
                        "location": "Town hall, main room",
                    }
                }
            self._projects.add_phase(
                tenant,
                principal,
                project_id,
                PhaseCreate(
                    title=_localized(PHASES[index], demo.locales, 0),
                    description={
                        k: f"<p>{v}</p>"
                        for k, v in _localized(PHASES[index], demo.locales, 1).items()
                    },
                    start_date=start,
                    end_date=end,
                    method="information",
                    method_config=config,
                ),
            )


def seed_demo(today: date | None = None) -> None:
    """Create both demo platforms (first start only; the runner restores afterwards)."""
    seeder = DemoSeeder(today or date.today())
    for demo in PLATFORMS:
        seeder.seed(demo)


def logins(demo: DemoPlatform) -> list[DemoLogin]:
    resident = demo.residents[0]
    found = [DemoLogin(demo.host, "admin", demo.admin.email, demo.admin.password)]
    if demo.moderator is not None:
        found.append(
            DemoLogin(demo.host, "moderator", demo.moderator.email, demo.moderator.password)
        )
    found.append(DemoLogin(demo.host, "resident", resident.email, resident.password))
    return found


def existing_logins() -> list[DemoLogin]:
    """The demo credentials of the demo platforms that exist in the current data."""
    from chalicelib import runtime
    from shared.errors import TenantNotFoundError

    found = []
    for demo in PLATFORMS:
        try:
            runtime.platforms().resolve(demo.host)
        except TenantNotFoundError:
            continue
        found.extend(logins(demo))
    return found
