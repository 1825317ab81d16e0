"""The ``moderation_digest`` email: every language, counts, escaping, the right parameters."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.i18n import SUPPORTED_LOCALES
from shared.mail import EmailRequested, MailBranding, MailRenderer, MailTemplate, TemplateParams
from shared.mail.contract import DigestParams, DigestProject
from shared.mail.renderer import catalog

BRAND = MailBranding(name="Alphaville", primary_color="#1b4f8a")
LINK = "https://alpha.test/admin/moderation"


def _params(**changes: object) -> DigestParams:
    values: dict[str, object] = {
        "first_name": "Ada",
        "pending": 1234,
        "reported": 7,
        "projects": [
            DigestProject(title="Town park", pending=1200),
            DigestProject(title="Bike lanes", pending=34),
        ],
        "link": LINK,
        **changes,
    }
    return DigestParams.model_validate(values)


def _render(locale: str, params: DigestParams) -> tuple[str, str, str]:
    mail = MailRenderer().render(MailTemplate.MODERATION_DIGEST, locale, params, BRAND)
    return mail.subject, mail.text, mail.html


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_digest_renders_in_every_language(locale: str) -> None:
    # GIVEN a digest with two projects WHEN rendered in one language
    subject, text, html = _render(locale, _params())
    words = catalog(locale)["moderation_digest"]
    # THEN subject, headings, every project and the link to the overview are there, filled in
    assert "Alphaville" in subject
    assert f'lang="{locale}"' in html
    for part in (text, html):
        assert words["action"] in part and words["by_project"] in part
        assert "Town park" in part and "Bike lanes" in part
        assert LINK in part
    assert f'href="{LINK}"' in html
    assert "Ada" in text
    assert "{" not in text and "{" not in subject  # every placeholder was filled
    if locale != "en":
        assert words["action"] != catalog("en")["moderation_digest"]["action"]


def test_counts_are_formatted_in_the_language() -> None:
    # GIVEN 1234 pending items THEN each language groups the digits its own way
    assert "1,234" in _render("en", _params())[1]
    assert "1.234" in _render("de", _params())[1]
    assert (
        "1\u202f234" in _render("fr", _params())[1] or "1\u00a0234" in _render("fr", _params())[1]
    )


def test_the_reported_line_and_the_more_line_appear_only_when_they_say_something() -> None:
    words = catalog("en")["moderation_digest"]
    _, quiet, _ = _render("en", _params(reported=0))
    assert "Of which reported" not in quiet and "more projects" not in quiet
    _, busy, html = _render("en", _params(more_projects=3))
    assert "Of which reported: 7" in busy
    assert words["more"].format(more="3") in busy and "And 3 more projects." in html


def test_project_titles_cannot_inject_markup() -> None:
    params = _params(projects=[DigestProject(title="<img src=x onerror=alert(1)>", pending=1)])
    _, text, html = _render("en", params)
    assert "<img" not in html and "&lt;img" in html
    assert "<img src=x onerror=alert(1)>" in text  # text mail is not HTML


def test_the_digest_template_takes_only_digest_parameters() -> None:
    action = TemplateParams(first_name="Ada", link=LINK, expires_hours=1)
    with pytest.raises(ValidationError):
        EmailRequested(
            template=MailTemplate.MODERATION_DIGEST, to="a@example.org", locale="en", params=action
        )
    with pytest.raises(ValidationError):
        _params(pending=0)  # a digest always has something to say
    with pytest.raises(ValidationError):
        _params(link="javascript:alert(1)")
    request = EmailRequested(
        template=MailTemplate.MODERATION_DIGEST, to="a@example.org", locale="en", params=_params()
    )
    again = EmailRequested.model_validate(request.model_dump(mode="json"))
    assert isinstance(again.params, DigestParams) and again.params == request.params
