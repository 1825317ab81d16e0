"""Email templates: every template in every language, escaped and branded."""

from __future__ import annotations

import json

import pytest

from shared.i18n import SUPPORTED_LOCALES
from shared.mail import MailBranding, MailRenderer, MailTemplate, TemplateParams
from shared.mail.renderer import HERE, LAYOUTS, catalog

LINK = "https://alpha.test/confirm-email?token=abc_DEF-123"
BRAND = MailBranding(name="Alphaville", primary_color="#1b4f8a")


def _params(first_name: str = "Ada", hours: int = 48) -> TemplateParams:
    return TemplateParams(first_name=first_name, link=LINK, expires_hours=hours)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("template", [t for t in MailTemplate if LAYOUTS[t] == "action"])
def test_every_template_renders_in_every_language(template, locale):
    mail = MailRenderer().render(template, locale, _params(), BRAND)
    words = catalog(locale)[template.value]
    assert "Alphaville" in mail.subject
    assert f'lang="{locale}"' in mail.html
    assert words["action"] in mail.html and words["action"] in mail.text
    assert LINK in mail.text
    assert f'href="{LINK}"' in mail.html
    assert "Ada" in mail.text
    assert "{" not in mail.text  # every placeholder was filled


def test_catalogs_have_the_same_keys_as_english():
    english = json.loads((HERE / "locales" / "en.json").read_text())
    for locale in SUPPORTED_LOCALES:
        other = json.loads((HERE / "locales" / f"{locale}.json").read_text())
        assert {k: set(v) for k, v in other.items()} == {k: set(v) for k, v in english.items()}
        if locale != "en":
            assert other["confirm_email"]["action"] != english["confirm_email"]["action"]


def test_parameters_cannot_inject_markup_into_the_html():
    mail = MailRenderer().render(
        MailTemplate.CONFIRM_EMAIL, "en", _params('<script>alert("x")</script>'), BRAND
    )
    assert "<script>" not in mail.html
    assert "&lt;script&gt;" in mail.html
    assert '<script>alert("x")</script>' in mail.text  # text mail is not HTML


def test_durations_are_worded_in_the_language():
    def text(template: MailTemplate, locale: str, hours: int) -> str:
        rendered = MailRenderer().render(template, locale, _params(hours=hours), BRAND).text
        return rendered.replace("\u00a0", " ")  # babel keeps number and unit together

    assert "1 Stunde" in text(MailTemplate.PASSWORD_RESET, "de", 1)
    assert "2 jours" in text(MailTemplate.CONFIRM_EMAIL, "fr", 48)


def test_unknown_languages_fall_back_to_english():
    mail = MailRenderer().render(MailTemplate.CONFIRM_EMAIL, "xx", _params(), BRAND)
    assert mail.subject == "Confirm your email address for Alphaville"


@pytest.mark.parametrize(
    ("color", "text"),
    [("#1b4f8a", "#ffffff"), ("#ffcc00", "#000000"), ("#000000", "#ffffff"), ("red", "#ffffff")],
)
def test_button_text_contrasts_with_the_brand_colour(color, text):
    assert MailBranding("x", color).on_primary == text
