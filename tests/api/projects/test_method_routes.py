"""The participation methods list the admin UI builds its forms from."""

from __future__ import annotations

from tests.conftest import body_of


def test_methods_list_ids_actions_and_config_schemas(api):
    methods = body_of(api.get("/participation-methods"))["items"]
    information = next(m for m in methods if m["id"] == "information")
    assert information["actions"] == []
    schema = information["config_schema"]
    assert schema["type"] == "object"
    assert "event" in schema["properties"]
    assert schema["additionalProperties"] is False
