"""PynamoDB connections share one botocore loader (the service model is parsed once)."""

from __future__ import annotations

from pynamodb.connection import Connection

from shared.db.sessions import share_service_model_loader


def test_new_connections_share_one_loader():
    share_service_model_loader()
    first = Connection(region="eu-west-1").session.get_component("data_loader")
    second = Connection(region="eu-west-1").session.get_component("data_loader")
    assert first is second
