"""The ``notification`` template: every type in every language, escaped, with one-click unsubscribe."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.i18n import SUPPORTED_LOCALES
from shared.mail import (
    EmailRequested,
    MailBranding,
    MailRenderer,
    MailTemplate,
    NotificationParams,
    NotificationType,
    SesMailer,
    TemplateParams,
)
from shared.mail.renderer import catalog

BRAND = MailBranding(name="Alphaville", primary_color="#1b4f8a")
LINK = "https://alpha.test/ideas/i1"
PAGE = "https://alpha.test/unsubscribe?token=tok"
ONE_CLICK = "https://alpha.test/api/v1/notifications/unsubscribe?token=tok"


def _params(
    kind: NotificationType = NotificationType.MENTION, **changes: object
) -> NotificationParams:
    values: dict[str, object] = {
        "first_name": "Ada",
        "type": kind,
        "actor_name": "Grace H.",
        "target_title": "More benches",
        "excerpt": "What about the park?",
        "link": LINK,
        "unsubscribe_link": PAGE,
        "one_click_link": ONE_CLICK,
        **changes,
    }
    return NotificationParams.model_validate(values)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("kind", list(NotificationType))
def test_every_type_renders_in_every_language(kind: NotificationType, locale: str) -> None:
    # GIVEN a notification of one type WHEN it is rendered in one language
    mail = MailRenderer().render(MailTemplate.NOTIFICATION, locale, _params(kind), BRAND)
    words = catalog(locale)
    # THEN subject, intro, the target link and the unsubscribe link are there, all filled in
    assert mail.subject and "More benches" in mail.text and "More benches" in mail.html
    assert words["notification"]["unsubscribe"] in mail.html
    assert f'href="{LINK}"' in mail.html and LINK in mail.text
    assert f'href="{PAGE}"' in mail.html and PAGE in mail.text
    assert f'lang="{locale}"' in mail.html
    assert "What about the park?" in mail.text
    assert "{" not in mail.text and "{" not in mail.subject
    assert dict(mail.headers) == {
        "List-Unsubscribe": f"<{ONE_CLICK}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def test_each_type_has_its_own_words_in_every_language() -> None:
    english = catalog("en")
    for locale in SUPPORTED_LOCALES:
        subjects = {catalog(locale)[f"notification_{k.value}"]["subject"] for k in NotificationType}
        assert len(subjects) == len(NotificationType)
        if locale != "en":
            for kind in NotificationType:
                section = f"notification_{kind.value}"
                assert catalog(locale)[section]["intro"] != english[section]["intro"]


def test_the_actor_and_title_cannot_inject_markup() -> None:
    params = _params(actor_name="<b>Eve</b>", target_title='<img src=x onerror="x">')
    mail = MailRenderer().render(MailTemplate.NOTIFICATION, "en", params, BRAND)
    assert "<b>Eve</b>" not in mail.html and "&lt;b&gt;Eve&lt;/b&gt;" in mail.html
    assert "<img" not in mail.html


def test_the_city_speaks_when_there_is_no_actor() -> None:
    params = _params(NotificationType.OFFICIAL_UPDATE, actor_name=None, excerpt=None)
    mail = MailRenderer().render(MailTemplate.NOTIFICATION, "en", params, BRAND)
    assert mail.subject == "Official update on “More benches”"
    assert "Alphaville posted an official update" in mail.text
    assert "<blockquote" not in mail.html


@pytest.mark.parametrize(
    ("locale", "name"),
    [("en", "Former resident"), ("de", "Ehemaliges Mitglied"), ("fr", "Ancien habitant")],
)
def test_an_actor_who_deleted_their_account_is_named_in_the_recipients_language(
    locale: str, name: str
) -> None:
    params = _params(NotificationType.COMMENT_REPLY, actor_name=None, actor_former=True)
    mail = MailRenderer().render(MailTemplate.NOTIFICATION, locale, params, BRAND)
    assert name in mail.subject and name in mail.text
    assert "Alphaville" not in mail.subject  # never the city speaking for them


def test_the_sent_message_carries_the_unsubscribe_headers() -> None:
    mail = MailRenderer().render(MailTemplate.NOTIFICATION, "en", _params(), BRAND)
    message = SesMailer(client=None, sender="no-reply@townhall.local").message(
        mail, "ada@example.org", "Alphaville", "alpha", "notification"
    )
    assert message["List-Unsubscribe"] == f"<{ONE_CLICK}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_request_must_give_the_parameters_its_template_needs() -> None:
    action = TemplateParams(first_name="Ada", link=LINK, expires_hours=1)
    with pytest.raises(ValidationError, match="NotificationParams"):
        EmailRequested(template="notification", to="a@example.org", locale="en", params=action)
    with pytest.raises(ValidationError, match="TemplateParams"):
        EmailRequested(template="confirm_email", to="a@example.org", locale="en", params=_params())
    # AND a request read back from an event keeps the notification parameters
    request = EmailRequested(
        template="notification", to="a@example.org", locale="en", params=_params()
    )
    again = EmailRequested.model_validate(request.model_dump(mode="json"))
    assert again.params == _params()


def test_links_must_be_web_links() -> None:
    with pytest.raises(ValidationError):
        _params(one_click_link="javascript:alert(1)")


def test_a_long_unsubscribe_url_stays_readable_on_the_wire() -> None:
    from shared.mail.sender import WIRE

    long_link = ONE_CLICK + "x" * 200
    mail = MailRenderer().render(
        MailTemplate.NOTIFICATION, "en", _params(one_click_link=long_link), BRAND
    )
    message = SesMailer(client=None, sender="no-reply@townhall.local").message(
        mail, "ada@example.org", "Alphaville", "alpha", "notification"
    )
    wire = message.as_bytes(policy=WIRE).decode()
    assert f"List-Unsubscribe: <{long_link}>\r\n" in wire
