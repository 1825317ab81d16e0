"""Registration fields on the demo platforms: areas, built-in and custom questions, answers.

Each city lists its neighbourhoods, switches on some built-in questions (none
required, so every demo login can take part at once) and adds two questions
of its own; the demo residents have answered some of them, so smart groups
and the profile page show real data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from infra.local.demo_content import DemoPlatform


@dataclass(frozen=True)
class DemoQuestion:
    """A custom question (a ``RegistrationFieldCreate`` body) and a key to answer it by."""

    key: str
    body: dict[str, Any]


@dataclass(frozen=True)
class DemoRegistration:
    areas: list[dict[str, str]]
    builtins: dict[str, bool]  # built-in field id -> switched on
    questions: list[DemoQuestion]
    # per resident (in DemoPlatform.residents order): built-in id or question key -> answer;
    # "area" names an index into ``areas``
    answers: list[dict[str, Any]]


def _options(*choices: tuple[str, dict[str, str]]) -> list[dict[str, Any]]:
    return [{"id": option_id, "label": label} for option_id, label in choices]


LINDENFELD = DemoRegistration(
    areas=[
        {"en": "Old Town", "fr": "Vieille ville", "de": "Altstadt", "nl": "Oude stad"},
        {"en": "Lindenhof", "fr": "Lindenhof", "de": "Lindenhof", "nl": "Lindenhof"},
        {"en": "North Harbour", "fr": "Port nord", "de": "Nordhafen", "nl": "Noorderhaven"},
        {"en": "Eastfield", "fr": "Champ-de-l'Est", "de": "Ostfeld", "nl": "Oostveld"},
    ],
    builtins={"gender": True, "birthyear": True, "area": True, "education": False},
    questions=[
        DemoQuestion(
            "travel",
            {
                "type": "single_choice",
                "label": {
                    "en": "How do you usually get around town?",
                    "fr": "Comment vous déplacez-vous en ville le plus souvent ?",
                    "de": "Wie sind Sie in der Stadt meistens unterwegs?",
                    "nl": "Hoe verplaatst u zich meestal in de stad?",
                },
                "options": _options(
                    ("walk", {"en": "On foot", "fr": "À pied", "de": "Zu Fuß", "nl": "Te voet"}),
                    ("bike", {"en": "By bike", "fr": "À vélo", "de": "Mit dem Rad", "nl": "Fiets"}),
                    (
                        "transit",
                        {
                            "en": "Bus or tram",
                            "fr": "Bus ou tram",
                            "de": "Bus oder Straßenbahn",
                            "nl": "Bus of tram",
                        },
                    ),
                    (
                        "car",
                        {"en": "By car", "fr": "En voiture", "de": "Mit dem Auto", "nl": "Auto"},
                    ),
                ),
                "purpose": {
                    "en": "Our mobility team plans cycle lanes and bus routes with these answers.",
                    "fr": "Notre équipe mobilité planifie pistes cyclables et lignes de bus "
                    "avec ces réponses.",
                    "de": "Unser Mobilitätsteam plant mit diesen Antworten Radwege und Buslinien.",
                    "nl": "Ons mobiliteitsteam plant met deze antwoorden fietspaden en buslijnen.",
                },
            },
        ),
        DemoQuestion(
            "volunteer",
            {
                "type": "checkbox",
                "label": {
                    "en": "Tell me about volunteering in my neighbourhood",
                    "fr": "Informez-moi du bénévolat dans mon quartier",
                    "de": "Informieren Sie mich über Ehrenamt in meinem Viertel",
                    "nl": "Vertel me over vrijwilligerswerk in mijn buurt",
                },
            },
        ),
    ],
    answers=[
        {"gender": "female", "birthyear": 1986, "area": 0, "travel": "bike"},
        {"gender": "male", "birthyear": 1974, "area": 2, "travel": "car", "volunteer": True},
        {"gender": "female", "birthyear": 1999, "area": 1, "travel": "bike"},
        {"birthyear": 1958, "area": 3, "travel": "transit"},
        {},
    ],
)

RIVERSIDE = DemoRegistration(
    areas=[
        {"en": "Northbank", "es": "Orilla norte", "pl": "Brzeg północny"},
        {"en": "Southbank", "es": "Orilla sur", "pl": "Brzeg południowy"},
        {"en": "Millbrook", "es": "Millbrook", "pl": "Millbrook"},
        {"en": "Old Quay", "es": "Muelle viejo", "pl": "Stare nabrzeże"},
    ],
    builtins={"gender": True, "birthyear": True, "area": True, "education": True},
    questions=[
        DemoQuestion(
            "years",
            {
                "type": "single_choice",
                "label": {
                    "en": "How long have you lived in Riverside?",
                    "es": "¿Cuánto tiempo lleva viviendo en Riverside?",
                    "pl": "Jak długo mieszkasz w Riverside?",
                },
                "options": _options(
                    (
                        "new",
                        {
                            "en": "Less than 2 years",
                            "es": "Menos de 2 años",
                            "pl": "Mniej niż 2 lata",
                        },
                    ),
                    (
                        "settled",
                        {"en": "2 to 10 years", "es": "De 2 a 10 años", "pl": "Od 2 do 10 lat"},
                    ),
                    (
                        "long",
                        {"en": "More than 10 years", "es": "Más de 10 años", "pl": "Ponad 10 lat"},
                    ),
                ),
            },
        ),
        DemoQuestion(
            "school",
            {
                "type": "checkbox",
                "label": {
                    "en": "I have children at school in the borough",
                    "es": "Tengo hijos en un colegio del municipio",
                    "pl": "Moje dzieci chodzą do szkoły w gminie",
                },
                "purpose": {
                    "en": "We invite parents to school-street and playground projects.",
                    "es": "Invitamos a las familias a proyectos de calles escolares y parques.",
                    "pl": "Zapraszamy rodziców do projektów ulic szkolnych i placów zabaw.",
                },
            },
        ),
    ],
    answers=[
        {
            "gender": "female",
            "birthyear": 1991,
            "area": 1,
            "education": "master",
            "years": "settled",
        },
        {"gender": "male", "birthyear": 1983, "area": 0, "years": "long", "school": True},
        {"gender": "female", "birthyear": 1968, "area": 3, "education": "secondary"},
        {"birthyear": 2001, "area": 2, "years": "new"},
    ],
)

REGISTRATION: dict[str, DemoRegistration] = {"demo": LINDENFELD, "riverside": RIVERSIDE}


def seed_registration(demo: DemoPlatform, principal: Any) -> list[dict[str, Any]]:
    """Set up the platform's fields and areas; return each resident's checked answers."""
    from chalicelib.registration.wiring import registration
    from shared.registration.schemas import (
        AreaCreate,
        RegistrationFieldCreate,
        RegistrationFieldUpdate,
    )
    from shared.tenancy import TenantContext

    content = REGISTRATION[demo.id]
    service, tenant = registration(), TenantContext(demo.id, demo.host)
    area_ids = [
        service.create_area(tenant, principal, AreaCreate(name=name)).id for name in content.areas
    ]
    for field_id, enabled in content.builtins.items():
        service.update_field(tenant, principal, field_id, RegistrationFieldUpdate(enabled=enabled))
    field_ids = {
        question.key: service.create_field(
            tenant, principal, RegistrationFieldCreate.model_validate(question.body)
        ).id
        for question in content.questions
    }
    checked = []
    for person, answers in zip(demo.residents, content.answers, strict=True):
        raw = {
            field_ids.get(key, key): area_ids[value] if key == "area" else value
            for key, value in answers.items()
        }
        checked.append(service.check_answers(tenant, raw, person.locale, partial=False))
    return checked
