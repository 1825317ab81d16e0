"""Render a requested email as subject, HTML and text, in the recipient's language.

Templates live in ``templates/`` (Jinja2, autoescaped for HTML) and the
words in ``locales/<locale>.json``; every message is plain text, formatted
with the parameters and then escaped by Jinja, so no parameter can inject
markup. Branding (platform name, primary colour) comes from the platform.

Notification emails (layout ``notification``) take their subject and intro
from the catalog section ``notification_<type>`` and carry RFC 8058
one-click unsubscribe headers for their type.

The ``moderation_digest`` (admins' daily summary) lists what awaits review
per project; its counts are formatted in the recipient's language.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path

from babel.dates import format_timedelta
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from shared.i18n import DEFAULT_LOCALE, SUPPORTED_LOCALES
from shared.mail.contract import DigestParams, MailTemplate, NotificationParams, TemplateParams

HERE = Path(__file__).resolve().parent
LAYOUTS = {
    MailTemplate.CONFIRM_EMAIL: "action",
    MailTemplate.PASSWORD_RESET: "action",
    MailTemplate.DATA_EXPORT_READY: "action",
    MailTemplate.ACCOUNT_DELETION: "action",
    MailTemplate.NOTIFICATION: "notification",
    MailTemplate.MODERATION_DIGEST: "moderation_digest",
}
ONE_CLICK = "List-Unsubscribe=One-Click"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_COLOR = "#1b4f8a"


@dataclass(frozen=True)
class MailBranding:
    """What an email shows of its platform."""

    name: str
    primary_color: str = DEFAULT_COLOR

    @property
    def safe_color(self) -> str:
        return self.primary_color if _HEX.match(self.primary_color) else DEFAULT_COLOR

    @property
    def on_primary(self) -> str:
        """Black or white, whichever reads better on the primary colour (WCAG luminance)."""
        channels = [int(self.safe_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        return "#000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    html: str
    text: str
    headers: tuple[tuple[str, str], ...] = ()


@cache
def catalog(locale: str) -> dict[str, dict[str, str]]:
    """The words of one language (falls back to English for unknown languages)."""
    code = locale if locale in SUPPORTED_LOCALES else DEFAULT_LOCALE
    data: dict[str, dict[str, str]] = json.loads((HERE / "locales" / f"{code}.json").read_text())
    return data


class MailRenderer:
    """Jinja2 environments for HTML (autoescaped) and text."""

    def __init__(self) -> None:
        loader = FileSystemLoader(HERE / "templates")
        self._html = Environment(
            loader=loader,
            autoescape=select_autoescape(enabled_extensions=("html.j2",), default=True),
            undefined=StrictUndefined,
        )
        # Plain-text mail is never shown as HTML, so it is not HTML-escaped.
        self._text = Environment(
            loader=loader,
            autoescape=False,  # noqa: S701
            undefined=StrictUndefined,
        )

    def render(
        self,
        template: MailTemplate,
        locale: str,
        params: TemplateParams | NotificationParams | DigestParams,
        brand: MailBranding,
    ) -> RenderedMail:
        code = locale if locale in SUPPORTED_LOCALES else DEFAULT_LOCALE
        if isinstance(params, NotificationParams):
            return self._notification(code, params, brand)
        if isinstance(params, DigestParams):
            return self._digest(code, params, brand)
        values = {
            "first_name": params.first_name,
            "platform": brand.name,
            "duration": format_timedelta(timedelta(hours=params.expires_hours), locale=code),
        }
        words = catalog(code)
        own = {k: v.format(**values) for k, v in words[template.value].items()}
        context = self._context(code, values, own, params.link, brand)
        return self._rendered(LAYOUTS[template], context)

    def _notification(
        self, code: str, params: NotificationParams, brand: MailBranding
    ) -> RenderedMail:
        words = catalog(code)
        actor = words["common"]["former_resident"] if params.actor_former else params.actor_name
        values = {
            "first_name": params.first_name,
            "platform": brand.name,
            "actor": actor or brand.name,
            "title": params.target_title,
        }
        own = {k: v.format(**values) for k, v in words["notification"].items()}
        own.update(
            {k: v.format(**values) for k, v in words[f"notification_{params.type.value}"].items()}
        )
        context = self._context(code, values, own, params.link, brand)
        context.update(
            excerpt=params.excerpt,
            unsubscribe_link=params.unsubscribe_link,
        )
        rendered = self._rendered("notification", context)
        headers = (
            ("List-Unsubscribe", f"<{params.one_click_link}>"),
            ("List-Unsubscribe-Post", ONE_CLICK),
        )
        return RenderedMail(rendered.subject, rendered.html, rendered.text, headers)

    def _digest(self, code: str, params: DigestParams, brand: MailBranding) -> RenderedMail:
        values = {
            "first_name": params.first_name,
            "platform": brand.name,
            "pending": format_decimal(params.pending, locale=code),
            "reported": format_decimal(params.reported, locale=code),
            "more": format_decimal(params.more_projects, locale=code),
        }
        words = catalog(code)
        own = {k: v.format(**values) for k, v in words[MailTemplate.MODERATION_DIGEST].items()}
        context = self._context(code, values, own, params.link, brand)
        context.update(
            reported=params.reported,
            more_projects=params.more_projects,
            projects=[
                {"title": p.title, "pending": format_decimal(p.pending, locale=code)}
                for p in params.projects
            ],
        )
        return self._rendered("moderation_digest", context)

    @staticmethod
    def _context(
        code: str, values: dict[str, str], own: dict[str, str], link: str, brand: MailBranding
    ) -> dict[str, object]:
        common = {k: v.format(**values) for k, v in catalog(code)["common"].items()}
        return {
            "locale": code,
            "subject": own["subject"],
            "c": common,
            "t": own,
            "link": link,
            "brand": {
                "name": brand.name,
                "primary_color": brand.safe_color,
                "on_primary": brand.on_primary,
            },
        }

    def _rendered(self, layout: str, context: dict[str, object]) -> RenderedMail:
        subject = context["subject"]
        assert isinstance(subject, str)
        return RenderedMail(
            subject=subject,
            html=self._html.get_template(f"{layout}.html.j2").render(context),
            text=self._text.get_template(f"{layout}.txt.j2").render(context).strip() + "\n",
        )
