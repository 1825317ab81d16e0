"""Render a requested email as subject, HTML and text, in the recipient's language.

Templates live in ``templates/`` (Jinja2, autoescaped for HTML) and the
words in ``locales/<locale>.json``; every message is plain text, formatted
with the parameters and then escaped by Jinja, so no parameter can inject
markup. Branding (platform name, primary colour) comes from the platform.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path

from babel.dates import format_timedelta
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from shared.i18n import DEFAULT_LOCALE, SUPPORTED_LOCALES
from shared.mail.contract import MailTemplate, TemplateParams

HERE = Path(__file__).resolve().parent
LAYOUTS = {MailTemplate.CONFIRM_EMAIL: "action", MailTemplate.PASSWORD_RESET: "action"}
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
        self, template: MailTemplate, locale: str, params: TemplateParams, brand: MailBranding
    ) -> RenderedMail:
        code = locale if locale in SUPPORTED_LOCALES else DEFAULT_LOCALE
        words = catalog(code)
        values = {
            "first_name": params.first_name,
            "platform": brand.name,
            "duration": format_timedelta(timedelta(hours=params.expires_hours), locale=code),
        }
        common = {k: v.format(**values) for k, v in words["common"].items()}
        own = {k: v.format(**values) for k, v in words[template.value].items()}
        context = {
            "locale": code,
            "subject": own["subject"],
            "c": common,
            "t": own,
            "link": params.link,
            "brand": {
                "name": brand.name,
                "primary_color": brand.safe_color,
                "on_primary": brand.on_primary,
            },
        }
        layout = LAYOUTS[template]
        return RenderedMail(
            subject=own["subject"],
            html=self._html.get_template(f"{layout}.html.j2").render(context),
            text=self._text.get_template(f"{layout}.txt.j2").render(context).strip() + "\n",
        )
