"""What the demo platforms contain: two cities, their people, folders and projects.

Plain data, so the seed logic stays short and the texts are easy to edit.
Passwords here are demo credentials for a local, throw-away stack, printed
by the runner on every start; they protect nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    email: str
    password: str
    locale: str = "en"


@dataclass(frozen=True)
class DemoProject:
    title: dict[str, str]
    description: dict[str, str]
    attachment: str | None = None  # "pdf" or "txt"


@dataclass(frozen=True)
class DemoFolder:
    title: dict[str, str]
    description: dict[str, str]
    projects: list[DemoProject]


@dataclass(frozen=True)
class DemoPlatform:
    id: str
    host: str
    name: dict[str, str]
    default_locale: str
    locales: list[str]
    colors: tuple[str, str]
    admin: Person
    residents: list[Person]
    folders: list[DemoFolder]
    unfiled: list[DemoProject] = field(default_factory=list)
    map_centre: tuple[float, float] | None = None  # where the platform's maps open
    moderator: Person | None = None  # moderates the demo ideation project


def _p(html: str) -> str:
    return f"<p>{html}</p>"


LINDENFELD = DemoPlatform(
    id="demo",
    host="localhost",
    name={
        "en": "City of Lindenfeld",
        "de": "Stadt Lindenfeld",
        "fr": "Ville de Lindenfeld",
        "nl": "Stad Lindenfeld",
    },
    default_locale="en",
    locales=["en", "fr", "de", "nl"],
    colors=("#1b4f8a", "#c2410c"),
    map_centre=(52.3705, 9.7332),
    admin=Person("Ada", "Verhoeven", "admin@lindenfeld.example", "lindenfeld-admin-2026"),
    moderator=Person("Theo", "Brandt", "moderator@lindenfeld.example", "lindenfeld-moderator-2026"),
    residents=[
        Person("Sophie", "Martin", "sophie.martin@example.org", "resident-demo-2026", "fr"),
        Person("Jonas", "Becker", "jonas.becker@example.org", "resident-demo-2026", "de"),
        Person("Lotte", "de Vries", "lotte.devries@example.org", "resident-demo-2026", "nl"),
        Person("Samuel", "Okafor", "samuel.okafor@example.org", "resident-demo-2026"),
        Person("Mei", "Chen", "mei.chen@example.org", "resident-demo-2026"),
    ],
    folders=[
        DemoFolder(
            {"en": "Green Lindenfeld", "de": "Grünes Lindenfeld", "fr": "Lindenfeld vert"},
            {
                "en": _p("Parks, trees and cleaner air: how we make the city greener together."),
                "de": _p(
                    "Parks, Bäume und saubere Luft: wie wir die Stadt gemeinsam grüner machen."
                ),
            },
            [
                DemoProject(
                    {
                        "en": "A new park on the old rail yard",
                        "de": "Ein neuer Park am alten Bahnhof",
                    },
                    {
                        "en": _p(
                            "The rail yard closes next year. Help us design the park that "
                            "replaces it: paths, play areas, a community garden."
                        ),
                        "de": _p(
                            "Der Güterbahnhof schließt nächstes Jahr. Gestalten Sie mit uns den "
                            "Park, der ihn ersetzt: Wege, Spielplätze, ein Gemeinschaftsgarten."
                        ),
                    },
                    attachment="pdf",
                ),
                DemoProject(
                    {"en": "1,000 trees for our streets", "fr": "1 000 arbres pour nos rues"},
                    {
                        "en": _p("Where should the next thousand street trees go? See the plan."),
                        "fr": _p(
                            "Où planter les mille prochains arbres d'alignement ? Voir le plan."
                        ),
                    },
                ),
            ],
        ),
        DemoFolder(
            {"en": "Getting around", "nl": "Onderweg in de stad", "fr": "Se déplacer"},
            {
                "en": _p("Cycling, walking and public transport in every neighbourhood."),
                "nl": _p("Fietsen, wandelen en openbaar vervoer in elke wijk."),
            },
            [
                DemoProject(
                    {
                        "en": "Safe cycling routes to school",
                        "nl": "Veilige fietsroutes naar school",
                    },
                    {
                        "en": _p(
                            "We are mapping the routes children take to school and where "
                            "they feel unsafe."
                        ),
                        "nl": _p(
                            "We brengen de routes naar school in kaart en waar kinderen zich "
                            "onveilig voelen."
                        ),
                    },
                    attachment="txt",
                ),
                DemoProject(
                    {"en": "A car-free market square", "fr": "Une place du marché sans voitures"},
                    {
                        "en": _p("Saturday trials of a car-free market square start this spring."),
                        "fr": _p(
                            "Des essais le samedi d'une place du marché sans voitures "
                            "commencent ce printemps."
                        ),
                    },
                ),
            ],
        ),
        DemoFolder(
            {"en": "Neighbourhoods", "de": "Stadtteile"},
            {
                "en": _p("Projects close to home, decided with the people who live there."),
                "de": _p(
                    "Projekte vor der Haustür, entschieden mit den Menschen, die dort wohnen."
                ),
            },
            [
                DemoProject(
                    {"en": "Renewing the Eastside library", "de": "Die Bibliothek Ost erneuern"},
                    {
                        "en": _p("A bigger children's corner, study rooms, longer opening hours?"),
                        "de": _p("Eine größere Kinderecke, Lernräume, längere Öffnungszeiten?"),
                    },
                ),
            ],
        ),
    ],
    unfiled=[
        DemoProject(
            {"en": "Lindenfeld budget 2027", "fr": "Budget 2027 de Lindenfeld"},
            {
                "en": _p("How the city plans to spend next year's budget, explained."),
                "fr": _p("Comment la ville prévoit de dépenser le budget de l'an prochain."),
            },
            attachment="pdf",
        ),
    ],
)

RIVERSIDE = DemoPlatform(
    id="riverside",
    host="127.0.0.1",
    name={"en": "Riverside Borough", "es": "Municipio de Riverside", "pl": "Gmina Riverside"},
    default_locale="en",
    locales=["en", "es", "pl"],
    colors=("#0f766e", "#7c3aed"),
    map_centre=(51.5007, -0.1246),
    admin=Person("Rosa", "Delgado", "admin@riverside.example", "riverside-admin-2026"),
    moderator=Person("Noah", "Kim", "moderator@riverside.example", "riverside-moderator-2026"),
    residents=[
        Person("Lucía", "Fernández", "lucia.fernandez@example.org", "resident-demo-2026", "es"),
        Person("Piotr", "Kowalski", "piotr.kowalski@example.org", "resident-demo-2026", "pl"),
        Person("Grace", "Thompson", "grace.thompson@example.org", "resident-demo-2026"),
        Person("Omar", "Haddad", "omar.haddad@example.org", "resident-demo-2026"),
    ],
    folders=[
        DemoFolder(
            {"en": "The river", "es": "El río", "pl": "Rzeka"},
            {
                "en": _p("Flood protection and a riverfront for everyone."),
                "es": _p("Protección contra inundaciones y una ribera para todos."),
            },
            [
                DemoProject(
                    {"en": "Riverfront promenade", "es": "Paseo ribereño"},
                    {
                        "en": _p("Three kilometres of promenade from the bridge to the marina."),
                        "es": _p("Tres kilómetros de paseo desde el puente hasta el puerto."),
                    },
                    attachment="pdf",
                ),
                DemoProject(
                    {"en": "Flood defences for Lower Town", "pl": "Ochrona przeciwpowodziowa"},
                    {
                        "en": _p("Options for protecting Lower Town from the next big flood."),
                        "pl": _p("Jak chronić Dolne Miasto przed kolejną wielką powodzią."),
                    },
                ),
            ],
        ),
        DemoFolder(
            {"en": "Housing", "es": "Vivienda", "pl": "Mieszkania"},
            {
                "en": _p("Affordable homes and better streets."),
                "pl": _p("Przystępne mieszkania i lepsze ulice."),
            },
            [
                DemoProject(
                    {"en": "Affordable homes on Mill Street", "es": "Viviendas asequibles"},
                    {
                        "en": _p("120 new homes, a quarter of them for social rent."),
                        "es": _p("120 viviendas nuevas, una cuarta parte de alquiler social."),
                    },
                ),
            ],
        ),
        DemoFolder(
            {"en": "Community life", "es": "Vida en comunidad", "pl": "Życie lokalne"},
            {
                "en": _p("Places and events that bring Riverside together."),
                "es": _p("Lugares y eventos que unen a Riverside."),
            },
            [
                DemoProject(
                    {"en": "A community centre for Northgate", "pl": "Dom kultury w Northgate"},
                    {
                        "en": _p("What should the new community centre offer?"),
                        "pl": _p("Co powinien oferować nowy dom kultury?"),
                    },
                    attachment="txt",
                ),
                DemoProject(
                    {"en": "Summer festival 2027", "es": "Festival de verano 2027"},
                    {
                        "en": _p("Plan the borough's summer festival with us."),
                        "es": _p("Planifica con nosotros el festival de verano."),
                    },
                ),
            ],
        ),
    ],
)

PLATFORMS = (LINDENFELD, RIVERSIDE)

# The three phases every demo project has: (title, description) per language.
PHASES: list[dict[str, tuple[str, str]]] = [
    {
        "en": ("Listening", "We collected ideas and concerns from residents."),
        "fr": ("Écoute", "Nous avons recueilli les idées et les préoccupations des habitants."),
        "de": ("Zuhören", "Wir haben Ideen und Anliegen der Bürgerinnen und Bürger gesammelt."),
        "nl": ("Luisteren", "We verzamelden ideeën en zorgen van inwoners."),
        "es": ("Escucha", "Recogimos ideas y preocupaciones de los vecinos."),
        "pl": ("Słuchanie", "Zebraliśmy pomysły i obawy mieszkańców."),
    },
    {
        "en": (
            "Shaping the plan",
            "The draft plan is ready: read it and come to the open evening.",
        ),
        "fr": (
            "Élaboration du plan",
            "Le projet de plan est prêt : lisez-le et venez en débattre.",
        ),
        "de": ("Den Plan gestalten", "Der Entwurf liegt vor: lesen Sie ihn und kommen Sie vorbei."),
        "nl": ("Het plan vormgeven", "Het ontwerpplan is klaar: lees het en kom langs."),
        "es": ("Dar forma al plan", "El borrador está listo: léelo y ven a la reunión abierta."),
        "pl": ("Kształtowanie planu", "Projekt planu jest gotowy: przeczytaj go i przyjdź."),
    },
    {
        "en": ("Decision", "The council decides, and we report back on what changed."),
        "fr": ("Décision", "Le conseil décide et nous rendons compte des changements."),
        "de": ("Entscheidung", "Der Rat entscheidet, und wir berichten, was sich geändert hat."),
        "nl": ("Besluit", "De raad besluit en we laten weten wat er veranderd is."),
        "es": ("Decisión", "El pleno decide y te contamos qué ha cambiado."),
        "pl": ("Decyzja", "Rada decyduje, a my informujemy, co się zmieniło."),
    },
]
