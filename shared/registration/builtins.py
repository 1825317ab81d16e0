"""The built-in registration fields: gender, year of birth, area of residence, education.

Their type, label and options are the platform's (smart-group rules compare
answers with these option ids, so they must not drift); admins switch them
on, make them required, and may rewrite the explanation of their purpose,
which residents read next to the question. ``area`` offers the platform's
areas as its options.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from shared.forms import FieldType

GENDER = "gender"
BIRTHYEAR = "birthyear"
AREA = "area"
EDUCATION = "education"
BUILTIN_IDS: tuple[str, ...] = (GENDER, BIRTHYEAR, AREA, EDUCATION)
EARLIEST_BIRTHYEAR = 1900

LABELS: dict[str, dict[str, str]] = {
    GENDER: {
        "en": "Gender",
        "fr": "Genre",
        "de": "Geschlecht",
        "nl": "Gender",
        "es": "Género",
        "pl": "Płeć",
    },
    BIRTHYEAR: {
        "en": "Year of birth",
        "fr": "Année de naissance",
        "de": "Geburtsjahr",
        "nl": "Geboortejaar",
        "es": "Año de nacimiento",
        "pl": "Rok urodzenia",
    },
    AREA: {
        "en": "Area where you live",
        "fr": "Quartier où vous habitez",
        "de": "Wohngebiet",
        "nl": "Wijk waar u woont",
        "es": "Zona donde vive",
        "pl": "Dzielnica zamieszkania",
    },
    EDUCATION: {
        "en": "Highest level of education",
        "fr": "Niveau d'études le plus élevé",
        "de": "Höchster Bildungsabschluss",
        "nl": "Hoogst behaalde opleiding",
        "es": "Nivel de estudios más alto",
        "pl": "Najwyższy poziom wykształcenia",
    },
}

_PREFER_NOT = {
    "en": "I prefer not to say",
    "fr": "Je préfère ne pas répondre",
    "de": "Keine Angabe",
    "nl": "Zeg ik liever niet",
    "es": "Prefiero no decirlo",
    "pl": "Wolę nie podawać",
}

OPTIONS: dict[str, list[tuple[str, dict[str, str]]]] = {
    GENDER: [
        (
            "female",
            {
                "en": "Woman",
                "fr": "Femme",
                "de": "Frau",
                "nl": "Vrouw",
                "es": "Mujer",
                "pl": "Kobieta",
            },
        ),
        (
            "male",
            {
                "en": "Man",
                "fr": "Homme",
                "de": "Mann",
                "nl": "Man",
                "es": "Hombre",
                "pl": "Mężczyzna",
            },
        ),
        (
            "non_binary",
            {
                "en": "Non-binary",
                "fr": "Non binaire",
                "de": "Nicht-binär",
                "nl": "Non-binair",
                "es": "No binario",
                "pl": "Niebinarna",
            },
        ),
        ("unspecified", _PREFER_NOT),
    ],
    EDUCATION: [
        (
            "primary",
            {
                "en": "Primary school",
                "fr": "École primaire",
                "de": "Grundschule",
                "nl": "Basisonderwijs",
                "es": "Educación primaria",
                "pl": "Szkoła podstawowa",
            },
        ),
        (
            "secondary",
            {
                "en": "Secondary school",
                "fr": "Enseignement secondaire",
                "de": "Weiterführende Schule",
                "nl": "Middelbaar onderwijs",
                "es": "Educación secundaria",
                "pl": "Szkoła średnia",
            },
        ),
        (
            "vocational",
            {
                "en": "Vocational training",
                "fr": "Formation professionnelle",
                "de": "Berufsausbildung",
                "nl": "Beroepsopleiding",
                "es": "Formación profesional",
                "pl": "Wykształcenie zawodowe",
            },
        ),
        (
            "bachelor",
            {
                "en": "Bachelor's degree or equivalent",
                "fr": "Licence ou équivalent",
                "de": "Bachelor oder gleichwertig",
                "nl": "Bachelor of gelijkwaardig",
                "es": "Grado universitario o equivalente",
                "pl": "Licencjat lub równoważne",
            },
        ),
        (
            "master",
            {
                "en": "Master's degree or equivalent",
                "fr": "Master ou équivalent",
                "de": "Master oder gleichwertig",
                "nl": "Master of gelijkwaardig",
                "es": "Máster o equivalente",
                "pl": "Magisterium lub równoważne",
            },
        ),
        (
            "doctorate",
            {
                "en": "Doctorate",
                "fr": "Doctorat",
                "de": "Promotion",
                "nl": "Doctoraat",
                "es": "Doctorado",
                "pl": "Doktorat",
            },
        ),
        ("unspecified", _PREFER_NOT),
    ],
}

PURPOSES: dict[str, dict[str, str]] = {
    GENDER: {
        "en": "We ask this to check that the people taking part reflect our community, "
        "and to report on participation by gender. It is never shown to others.",
        "fr": "Nous le demandons pour vérifier que les participants reflètent notre population "
        "et pour rendre compte de la participation par genre. Ce n'est jamais montré aux autres.",
        "de": "Wir fragen danach, um zu prüfen, ob die Teilnehmenden unsere Bevölkerung "
        "widerspiegeln, und um die Beteiligung nach Geschlecht auszuwerten. "
        "Andere sehen diese Angabe nie.",
        "nl": "We vragen dit om na te gaan of de deelnemers onze gemeenschap weerspiegelen en "
        "om over deelname per gender te rapporteren. Anderen zien dit nooit.",
        "es": "Lo preguntamos para comprobar que quienes participan reflejan a nuestra "
        "comunidad y para informar de la participación por género. Nunca se muestra a otros.",
        "pl": "Pytamy o to, aby sprawdzić, czy uczestnicy odzwierciedlają naszą społeczność, "
        "i aby raportować udział według płci. Nigdy nie jest to pokazywane innym.",
    },
    BIRTHYEAR: {
        "en": "We ask this to see which age groups take part, so we can reach those we hear "
        "from less. It is never shown to others.",
        "fr": "Nous le demandons pour savoir quelles tranches d'âge participent et aller vers "
        "celles que nous entendons moins. Ce n'est jamais montré aux autres.",
        "de": "Wir fragen danach, um zu sehen, welche Altersgruppen sich beteiligen, damit wir "
        "die erreichen, von denen wir weniger hören. Andere sehen diese Angabe nie.",
        "nl": "We vragen dit om te zien welke leeftijdsgroepen meedoen, zodat we wie we minder "
        "horen beter kunnen bereiken. Anderen zien dit nooit.",
        "es": "Lo preguntamos para saber qué grupos de edad participan y llegar a quienes "
        "escuchamos menos. Nunca se muestra a otros.",
        "pl": "Pytamy o to, aby wiedzieć, które grupy wiekowe biorą udział, i dotrzeć do tych, "
        "których słyszymy rzadziej. Nigdy nie jest to pokazywane innym.",
    },
    AREA: {
        "en": "We ask this to know which parts of the city people take part from, and to "
        "invite you to projects near you. It is never shown to others.",
        "fr": "Nous le demandons pour savoir de quels quartiers viennent les participants et "
        "vous inviter aux projets près de chez vous. Ce n'est jamais montré aux autres.",
        "de": "Wir fragen danach, um zu wissen, aus welchen Teilen der Stadt sich Menschen "
        "beteiligen, und um Sie zu Projekten in Ihrer Nähe einzuladen. "
        "Andere sehen diese Angabe nie.",
        "nl": "We vragen dit om te weten uit welke delen van de stad mensen meedoen, en om u "
        "uit te nodigen voor projecten in uw buurt. Anderen zien dit nooit.",
        "es": "Lo preguntamos para saber desde qué zonas de la ciudad participa la gente e "
        "invitarle a proyectos cerca de usted. Nunca se muestra a otros.",
        "pl": "Pytamy o to, aby wiedzieć, z których części miasta ludzie biorą udział, i "
        "zapraszać Cię do projektów w pobliżu. Nigdy nie jest to pokazywane innym.",
    },
    EDUCATION: {
        "en": "We ask this to check that we hear from people of every background, not only "
        "from some. It is never shown to others.",
        "fr": "Nous le demandons pour vérifier que nous entendons des personnes de tous "
        "horizons, pas seulement certaines. Ce n'est jamais montré aux autres.",
        "de": "Wir fragen danach, um sicherzugehen, dass wir Menschen aller Hintergründe "
        "hören, nicht nur einige. Andere sehen diese Angabe nie.",
        "nl": "We vragen dit om na te gaan dat we mensen met elke achtergrond horen, niet "
        "alleen sommigen. Anderen zien dit nooit.",
        "es": "Lo preguntamos para comprobar que escuchamos a personas de todos los "
        "orígenes, no solo a algunas. Nunca se muestra a otros.",
        "pl": "Pytamy o to, aby upewnić się, że słyszymy osoby o różnym wykształceniu, a nie "
        "tylko niektóre. Nigdy nie jest to pokazywane innym.",
    },
}

TYPES: dict[str, FieldType] = {
    GENDER: FieldType.SINGLE_CHOICE,
    BIRTHYEAR: FieldType.NUMBER,
    AREA: FieldType.SINGLE_CHOICE,
    EDUCATION: FieldType.SINGLE_CHOICE,
}


def builtin_definition(field_id: str, areas: list[tuple[str, dict[str, str]]]) -> dict[str, Any]:
    """Type, label and options of a built-in field (``areas``: the area field's options)."""
    options = areas if field_id == AREA else OPTIONS.get(field_id, [])
    return {
        "type": TYPES[field_id],
        "label": LABELS[field_id],
        "options": [{"id": option_id, "label": label} for option_id, label in options],
    }


def birthyear_fits(value: Any, today: date) -> bool:
    """A whole year from 1900 to this year."""
    return isinstance(value, int) and EARLIEST_BIRTHYEAR <= value <= today.year
