"""Seed Lindenfeld's citizen proposals: a project with a proposals phase and signed proposals.

One proposal has reached its signatures and one is collecting them, so a
visitor sees both states; every write goes through the domain services
(the worker counts the signatures once the runner pumps).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True)
class DemoProposal:
    author: int  # an index into the platform's residents
    title: dict[str, str]
    body: dict[str, str]
    signed_by: list[int] = field(default_factory=list)
    comment: tuple[int, str] | None = None


PROJECT_TITLE = {
    "en": "Citizen proposals",
    "fr": "Propositions citoyennes",
    "de": "Bürgeranträge",
    "nl": "Burgervoorstellen",
}
PROJECT_DESCRIPTION = {
    "en": "<p>Propose what Lindenfeld should do. A proposal that gathers enough signatures "
    "goes to the town council.</p>",
    "fr": "<p>Proposez ce que Lindenfeld devrait faire. Une proposition qui réunit assez de "
    "signatures est soumise au conseil municipal.</p>",
    "de": "<p>Schlagen Sie vor, was Lindenfeld tun sollte. Ein Antrag mit genügend "
    "Unterschriften kommt in den Stadtrat.</p>",
    "nl": "<p>Stel voor wat Lindenfeld zou moeten doen. Een voorstel met genoeg "
    "handtekeningen gaat naar de gemeenteraad.</p>",
}
PHASE_TITLE = {
    "en": "Proposals 2026-2027",
    "fr": "Propositions 2026-2027",
    "de": "Anträge 2026-2027",
    "nl": "Voorstellen 2026-2027",
}
COMMITMENT = {
    "en": "The town council debates it at its next meeting and answers here.",
    "fr": "Le conseil municipal en débat à sa prochaine séance et répond ici.",
    "de": "Der Stadtrat berät ihn in seiner nächsten Sitzung und antwortet hier.",
    "nl": "De gemeenteraad bespreekt het in zijn volgende vergadering en antwoordt hier.",
}
THRESHOLD = 4
PROPOSALS = [
    DemoProposal(
        author=2,
        title={"en": "Night buses on weekends"},
        body={
            "en": "<p>Line 4 stops at 23:00. A night bus every hour on Fridays and Saturdays "
            "would get people home safely from the centre.</p>"
        },
        signed_by=[0, 1, 3, 4],
        comment=(0, "Yes please, the last bus is far too early."),
    ),
    DemoProposal(
        author=1,
        title={"en": "A repair café in the library"},
        body={
            "en": "<p>Once a month, volunteers help residents repair bikes, lamps and "
            "clothes instead of throwing them away.</p>"
        },
        signed_by=[2, 4],
    ),
]


class ProposalsSeeder:
    """Posts the platform's citizen proposals project, if it has one (Lindenfeld)."""

    def __init__(self, today: date, header: Any) -> None:
        from chalicelib.discussion.wiring import comments
        from chalicelib.ideation.wiring import ideas, reactions
        from chalicelib.projects.service import projects

        self._today = today
        self._header = header
        self._projects = projects()
        self._ideas = ideas()
        self._reactions = reactions()
        self._comments = comments()

    def seed(self, tenant: Any, admin: Any, demo: Any, residents: list[Any]) -> str | None:
        from shared.discussion.schemas import CommentCreate
        from shared.ideation.reaction_records import ReactionKind
        from shared.ideation.schemas import IdeaCreate
        from shared.projects.schemas import PhaseCreate, ProjectCreate

        if demo.id != "demo":
            return None
        project = self._projects.create_project(
            tenant,
            admin,
            ProjectCreate(
                title=PROJECT_TITLE,
                description=PROJECT_DESCRIPTION,
                header_image_upload_key=self._header(tenant, admin, demo),
            ),
        )
        phase = self._projects.add_phase(
            tenant,
            admin,
            project.id,
            PhaseCreate(
                title=PHASE_TITLE,
                description=PROJECT_DESCRIPTION,
                start_date=self._today - timedelta(days=30),
                end_date=self._today + timedelta(days=300),
                method="proposals",
                method_config={
                    "signature_threshold": THRESHOLD,
                    "signing_days": 90,
                    "commitment": COMMITMENT,
                },
            ),
        )
        self._projects.publish_project(tenant, admin, project.id)
        for proposal in PROPOSALS:
            created = self._ideas.create(
                tenant,
                residents[proposal.author],
                project.id,
                phase.id,
                IdeaCreate(title=proposal.title, body=proposal.body),
                demo.default_locale,
            )
            for index in proposal.signed_by:
                self._reactions.react(tenant, residents[index], created.id, ReactionKind.LIKE)
            if proposal.comment is not None:
                who, text = proposal.comment
                self._comments.post_comment(
                    tenant, residents[who], "idea", created.id, CommentCreate(body=text)
                )
        return project.id
