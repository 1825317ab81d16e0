"""Seed each demo platform's ideation project through the domain services.

Topics, the input form (with one custom question), an open ideation phase,
ideas with images and pins, reactions, threaded comments, statuses and an
official update: every write goes through the same services and policy as
the API, and every event goes on the bus, so counts, search tokens, image
variants and notifications are derived by the workers once the runner pumps.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from infra.local import demo_files
from infra.local.demo_content import DemoPlatform
from infra.local.demo_ideation import IDEATION, DemoIdea, DemoIdeation


def _in(locales: list[str], text: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in text.items() if k in locales} or text


class IdeationSeeder:
    """Posts one platform's demo ideation project; ``upload`` stores a file as a browser would."""

    def __init__(self, today: date, upload: Any, header: Any) -> None:
        from chalicelib.discussion.wiring import comments, official_updates
        from chalicelib.ideation.wiring import ideas, input_forms, reactions, statuses, topics
        from chalicelib.projects.service import projects

        self._today = today
        self._upload = upload
        self._header = header
        self._projects = projects()
        self._ideas = ideas()
        self._reactions = reactions()
        self._topics = topics()
        self._statuses = statuses()
        self._forms = input_forms()
        self._comments = comments()
        self._updates = official_updates()

    def seed(self, tenant: Any, admin: Any, demo: DemoPlatform, residents: list[Any]) -> str | None:
        """The platform's ideation project, its ideas and their team work; its project id."""
        content = IDEATION.get(demo.id)
        if content is None:
            return None
        from shared.ideation.schemas import TopicCreate

        topic_ids = [
            self._topics.create(tenant, admin, TopicCreate(title=_in(demo.locales, t))).id
            for t in content.topics
        ]
        project_id, phase_id = self._project(tenant, admin, demo, content, topic_ids)
        codes = {s.code: s.id for s in self._statuses.list(tenant).items}
        posted = [
            self._idea(tenant, admin, demo, residents, project_id, phase_id, topic_ids, codes, idea)
            for idea in content.ideas
        ]
        self._team_work(tenant, admin, residents, posted)
        return project_id

    def _team_work(
        self, tenant: Any, admin: Any, residents: list[Any], posted: list[tuple[str, list[str]]]
    ) -> None:
        """What awaits the team: a reported comment, and the newest idea assigned to the admin."""
        from chalicelib.inputs.wiring import assignments
        from chalicelib.moderation.wiring import reports
        from shared.inputs.schemas import AssignRequest
        from shared.moderation.schemas import ReportCreate

        commented = next(((idea, ids) for idea, ids in posted if ids), None)
        if commented is not None:
            comment_id = commented[1][-1]
            reports().file(
                tenant,
                residents[0],
                ReportCreate(
                    target_kind="comment",
                    target_id=comment_id,
                    reason="other",
                    note="This reads like an advert for a shop, not an opinion on the idea.",
                ),
            )
        if posted:
            body = AssignRequest(idea_ids=[posted[-1][0]], assignee_id=admin.user_id)
            assignments().assign(tenant, admin, body)

    def _project(
        self, tenant: Any, admin: Any, demo: DemoPlatform, content: DemoIdeation, topics: list[str]
    ) -> tuple[str, str]:
        from shared.ideation.forms import ChoiceOption, CustomField, FieldType, InputForm
        from shared.projects.schemas import PhaseCreate, ProjectCreate

        project = self._projects.create_project(
            tenant,
            admin,
            ProjectCreate(
                title=_in(demo.locales, content.project_title),
                description=_in(demo.locales, content.project_description),
                header_image_upload_key=self._header(tenant, admin, demo),
            ),
        )
        phase = self._projects.add_phase(
            tenant,
            admin,
            project.id,
            PhaseCreate(
                title=_in(demo.locales, content.phase_title),
                description=_in(demo.locales, content.question),
                start_date=self._today - timedelta(days=14),
                end_date=self._today + timedelta(days=60),
                method="ideation",
                method_config={"dislikes_enabled": True, "max_likes_per_resident": 10},
            ),
        )
        if content.shortlist_title:
            self._projects.add_phase(
                tenant,
                admin,
                project.id,
                PhaseCreate(
                    title=_in(demo.locales, content.shortlist_title),
                    description=_in(demo.locales, content.question),
                    start_date=self._today + timedelta(days=61),
                    end_date=self._today + timedelta(days=120),
                    method="ideation",
                ),
            )
        often = CustomField(
            id="how_often",
            type=FieldType.SINGLE_CHOICE,
            label={
                "en": "How often are you there?",
                "fr": "À quelle fréquence y êtes-vous ?",
                "de": "Wie oft sind Sie dort?",
                "nl": "Hoe vaak bent u daar?",
                "es": "¿Con qué frecuencia vas?",
                "pl": "Jak często tam bywasz?",
            },
            options=[
                ChoiceOption(
                    id="daily",
                    label={
                        "en": "Every day",
                        "fr": "Tous les jours",
                        "de": "Jeden Tag",
                        "nl": "Elke dag",
                        "es": "Cada día",
                        "pl": "Codziennie",
                    },
                ),
                ChoiceOption(
                    id="weekly",
                    label={
                        "en": "Every week",
                        "fr": "Chaque semaine",
                        "de": "Jede Woche",
                        "nl": "Elke week",
                        "es": "Cada semana",
                        "pl": "Co tydzień",
                    },
                ),
            ],
        )
        often = often.model_copy(update={"label": _in(demo.locales, often.label)})
        self._forms.put(
            tenant, admin, project.id, InputForm(topic_ids=topics, custom_fields=[often])
        )
        self._projects.publish_project(tenant, admin, project.id)
        return project.id, phase.id

    def _idea(
        self,
        tenant: Any,
        admin: Any,
        demo: DemoPlatform,
        residents: list[Any],
        project_id: str,
        phase_id: str,
        topic_ids: list[str],
        codes: dict[str, str],
        idea: DemoIdea,
    ) -> tuple[str, list[str]]:
        """Post one idea with its reactions, thread and feedback: its id and comment ids."""
        from shared.discussion.schemas import CommentCreate, OfficialUpdateCreate
        from shared.ideation.reaction_records import ReactionKind
        from shared.ideation.schemas import IdeaCreate, Location, StatusChange

        author = residents[idea.author]
        images = []
        if idea.image:
            start, end = (demo_files.hex_color(c) for c in demo.colors)
            body = demo_files.header_image(end, start, len(idea.title), fmt="JPEG")
            images.append(
                self._upload(tenant, author, "idea_image", "street.jpg", "image/jpeg", body)
            )
        lat, lng, address = idea.location or (None, None, None)
        created = self._ideas.create(
            tenant,
            author,
            project_id,
            phase_id,
            IdeaCreate(
                title={demo.default_locale: idea.title},
                body={demo.default_locale: idea.body},
                topic_ids=[topic_ids[i] for i in idea.topics],
                location=Location(lat=lat, lng=lng, address=address) if lat is not None else None,
                image_keys=images,
                custom_fields={"how_often": "daily"},
            ),
            demo.default_locale,
        )
        for index in idea.likes:
            self._reactions.react(tenant, residents[index], created.id, ReactionKind.LIKE)
        for index in idea.dislikes:
            self._reactions.react(tenant, residents[index], created.id, ReactionKind.DISLIKE)
        comment_ids: list[str] = []
        for comment in idea.comments:
            root = self._comments.post_comment(
                tenant,
                residents[comment.author],
                "idea",
                created.id,
                CommentCreate(body=comment.body),
            )
            comment_ids.append(root.id)
            for who, text in comment.replies:
                self._comments.post_comment(
                    tenant,
                    residents[who],
                    "idea",
                    created.id,
                    CommentCreate(body=text, parent_id=root.id),
                )
        if idea.status:
            self._ideas.set_status(
                tenant, admin, created.id, StatusChange(status_id=codes[idea.status])
            )
        if idea.official_update:
            self._updates.post_update(
                tenant,
                admin,
                "idea",
                created.id,
                OfficialUpdateCreate(body={demo.default_locale: idea.official_update}),
            )
        return created.id, comment_ids
