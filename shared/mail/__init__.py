"""Email: the request contract, templates in six languages, SES sending, once per event."""

from shared.mail.contract import (
    EMAIL_REQUESTED,
    EmailRequested,
    MailTemplate,
    NotificationParams,
    NotificationType,
    TemplateParams,
)
from shared.mail.renderer import MailBranding, MailRenderer, RenderedMail
from shared.mail.sender import SesMailer
from shared.mail.service import DeliveryResult, MailService

__all__ = [
    "EMAIL_REQUESTED",
    "DeliveryResult",
    "EmailRequested",
    "MailBranding",
    "MailRenderer",
    "MailService",
    "MailTemplate",
    "NotificationParams",
    "NotificationType",
    "RenderedMail",
    "SesMailer",
    "TemplateParams",
]
