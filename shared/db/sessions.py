"""One botocore data loader for every PynamoDB connection.

PynamoDB gives each model's connection its own botocore session, and each
session parses DynamoDB's service model JSON again (~0.15 s). With one
connection per table that is paid per table on every cold start (and per
test). Sessions stay separate (client creation is not thread-safe), but they
share one loader, whose cache makes the parse happen once per process.
"""

from __future__ import annotations

import botocore.loaders
import botocore.session
import pynamodb.connection.base as pynamodb_connection

_LOADER = botocore.loaders.create_loader()


def _session() -> botocore.session.Session:
    session = botocore.session.get_session()
    session.register_component("data_loader", _LOADER)
    return session


def share_service_model_loader() -> None:
    """Make PynamoDB's new sessions use the process-wide loader (idempotent)."""
    pynamodb_connection.get_session = _session  # type: ignore[assignment]
