"""The ``mailer_worker`` Lambda: SQS batches of email requests -> SES.

Each SQS record holds an EventBridge event whose ``detail`` is a
:class:`~shared.events.DomainEvent`. Powertools' batch processor reports
failed records only (partial batch response), so one bad email does not
resend the others; the delivery ledger makes redeliveries harmless.
"""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from chalice.app import Blueprint

from chalicelib import runtime
from shared.events import DomainEvent
from shared.i18n import pick
from shared.mail import MailBranding, MailService, SesMailer
from shared.observability import logger
from shared.tenancy import TenantContext

bp = Blueprint("chalicelib.mailer")


def platform_branding(tenant: TenantContext, locale: str) -> MailBranding:
    """The platform's name in ``locale`` and its primary colour."""
    platform = runtime.platforms().get(tenant)
    name = pick(platform.name, locale, platform.default_locale) or platform.id
    return MailBranding(name=name, primary_color=platform.branding.primary_color)


@runtime.cached
def mail_service() -> MailService:
    settings = runtime.settings()
    mailer = SesMailer(
        runtime.client("sesv2"), settings.mail_sender, settings.ses_configuration_set
    )
    return MailService(mailer, platform_branding)


def handle_record(record: SQSRecord) -> None:
    envelope = json.loads(record.body)
    event = DomainEvent.model_validate(envelope.get("detail", envelope))
    result = mail_service().deliver(event)
    logger.info(
        "mail delivered" if result.sent else "mail already delivered",
        extra={"event_id": event.event_id, "tenant_id": event.tenant_id},
    )


@bp.lambda_function(name="mailer_worker")
def mailer_worker(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Send every requested email of the batch; report the ones that failed."""
    # Report a fully failed batch as failures too, rather than raising: SQS
    # retries exactly the reported records either way, and the logs stay clear.
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    result = process_partial_response(
        event=event, record_handler=handle_record, processor=processor, context=context
    )
    return dict(result)
