"""The demo ideation project of each platform: topics, a question, ideas and talk.

Plain data like :mod:`infra.local.demo_content`; :mod:`infra.local.seed_ideation`
posts it through the domain services. Authors and commenters are indexes into
the platform's ``residents``; locations are real-looking points near a
fictional centre (each platform's ``map_centre`` in :mod:`infra.local.demo_content`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoComment:
    author: int
    body: str
    replies: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class DemoIdea:
    author: int
    title: str
    body: str
    topics: list[int]
    location: tuple[float, float, str] | None
    likes: list[int] = field(default_factory=list)
    dislikes: list[int] = field(default_factory=list)
    status: str | None = None
    comments: list[DemoComment] = field(default_factory=list)
    official_update: str | None = None
    image: bool = False


@dataclass(frozen=True)
class DemoIdeation:
    project_title: dict[str, str]
    project_description: dict[str, str]
    phase_title: dict[str, str]
    question: dict[str, str]
    topics: list[dict[str, str]]
    ideas: list[DemoIdea]
    # A later ideation phase where the team moves or copies the ideas it keeps.
    shortlist_title: dict[str, str] | None = None


LINDENFELD_IDEATION = DemoIdeation(
    project_title={
        "en": "A greener Lindenfeld",
        "fr": "Un Lindenfeld plus vert",
        "de": "Ein grüneres Lindenfeld",
        "nl": "Een groener Lindenfeld",
    },
    project_description={
        "en": "<p>Trees, gardens and cool places for hot summers: tell us where.</p>",
        "fr": "<p>Arbres, jardins et lieux frais pour les étés chauds : dites-nous où.</p>",
        "de": "<p>Bäume, Gärten und kühle Orte für heiße Sommer: sagen Sie uns, wo.</p>",
        "nl": "<p>Bomen, tuinen en koele plekken voor hete zomers: zeg ons waar.</p>",
    },
    phase_title={
        "en": "Share your ideas",
        "fr": "Partagez vos idées",
        "de": "Teilen Sie Ihre Ideen",
        "nl": "Deel uw ideeën",
    },
    shortlist_title={
        "en": "Refine the shortlist",
        "fr": "Affiner la sélection",
        "de": "Die Auswahl verfeinern",
        "nl": "De shortlist verfijnen",
    },
    question={
        "en": "<p>What would make your street greener and cooler?</p>",
        "fr": "<p>Qu'est-ce qui rendrait votre rue plus verte et plus fraîche ?</p>",
        "de": "<p>Was würde Ihre Straße grüner und kühler machen?</p>",
        "nl": "<p>Wat zou uw straat groener en koeler maken?</p>",
    },
    topics=[
        {
            "en": "Trees and parks",
            "fr": "Arbres et parcs",
            "de": "Bäume und Parks",
            "nl": "Bomen en parken",
        },
        {"en": "Water", "fr": "Eau", "de": "Wasser", "nl": "Water"},
        {"en": "Mobility", "fr": "Mobilité", "de": "Mobilität", "nl": "Mobiliteit"},
    ],
    ideas=[
        DemoIdea(
            author=3,
            title="Shade trees along Mühlenweg",
            body="<p>The pavement on Mühlenweg has no shade at all. A row of lime trees "
            "would make the walk to school bearable in July.</p>",
            topics=[0],
            location=(52.3721, 9.7301, "Mühlenweg 12"),
            likes=[0, 1, 2, 4],
            status="under_consideration",
            image=True,
            comments=[
                DemoComment(
                    4,
                    "Yes! My children walk there every morning.",
                    [(3, "Thank you, let's hope the city listens.")],
                ),
                DemoComment(1, "Lime trees drip sap on cars; maybe plane trees instead?"),
            ],
            official_update="<p>Our parks team has measured the pavement: there is room "
            "for eight trees. We will present a planting plan in the spring.</p>",
        ),
        DemoIdea(
            author=0,
            title="Un jardin partagé derrière la bibliothèque",
            body="<p>Le terrain vague derrière la bibliothèque pourrait devenir un jardin "
            "partagé, avec des bacs pour les écoles.</p>",
            topics=[0],
            location=(52.3689, 9.7367, "Bibliotheksplatz"),
            likes=[2, 3],
            comments=[DemoComment(2, "Goed idee, ik help graag mee.")],
        ),
        DemoIdea(
            author=1,
            title="Trinkbrunnen am Marktplatz",
            body="<p>Im Sommer fehlt am Marktplatz ein Trinkbrunnen. Viele kaufen "
            "Wasser in Plastikflaschen.</p>",
            topics=[1],
            location=(52.3709, 9.7350, "Marktplatz"),
            likes=[0, 3, 4],
            dislikes=[2],
            status="accepted",
        ),
        DemoIdea(
            author=4,
            title="Protected bike lane on the ring road",
            body="<p>Painted lines are not enough. A kerb-separated lane would let more "
            "people cycle to work.</p>",
            topics=[2],
            location=None,
            likes=[3],
            dislikes=[1],
            comments=[DemoComment(0, "Et des arceaux vélo devant la gare, s'il vous plaît.")],
        ),
    ],
)

RIVERSIDE_IDEATION = DemoIdeation(
    project_title={
        "en": "Ideas for the riverfront",
        "es": "Ideas para la ribera",
        "pl": "Pomysły na nabrzeże",
    },
    project_description={
        "en": "<p>How should the new riverfront look and feel?</p>",
        "es": "<p>¿Cómo debería ser la nueva ribera?</p>",
        "pl": "<p>Jak powinno wyglądać nowe nabrzeże?</p>",
    },
    phase_title={"en": "Ideas", "es": "Ideas", "pl": "Pomysły"},
    question={
        "en": "<p>What would bring you to the riverfront?</p>",
        "es": "<p>¿Qué te llevaría a la ribera?</p>",
        "pl": "<p>Co przyciągnęłoby cię nad rzekę?</p>",
    },
    topics=[
        {"en": "Leisure", "es": "Ocio", "pl": "Wypoczynek"},
        {"en": "Nature", "es": "Naturaleza", "pl": "Przyroda"},
    ],
    ideas=[
        DemoIdea(
            author=2,
            title="Open-air swimming area",
            body="<p>A fenced, lifeguarded swimming area like in Copenhagen.</p>",
            topics=[0],
            location=(51.5012, -0.1221, "Old ferry landing"),
            likes=[0, 1, 3],
            status="proposed",
        ),
        DemoIdea(
            author=0,
            title="Bancos a la sombra junto al agua",
            body="<p>Más bancos con sombra para las personas mayores.</p>",
            topics=[0, 1],
            location=(51.4999, -0.1270, "Riverside walk"),
            likes=[2],
        ),
    ],
)

IDEATION = {"demo": LINDENFELD_IDEATION, "riverside": RIVERSIDE_IDEATION}
