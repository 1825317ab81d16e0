"""The method registry: lookup, listing, config validation, adding a method."""

from __future__ import annotations

import pytest
from pydantic import Field

from shared.errors import ValidationError
from shared.participation import REGISTRY, MethodRegistry, ParticipationAction
from shared.participation.methods import (
    InformationMethod,
    MethodConfig,
    ParticipationMethod,
    UnknownMethodError,
)
from shared.participation.schemas import MethodList


class PollConfig(MethodConfig):
    max_choices: int = Field(default=1, ge=1)


class PollMethod:
    """A method written as a test shows what a new module has to declare."""

    id = "poll"
    actions = frozenset({ParticipationAction.TAKE_POLL, ParticipationAction.COMMENT})
    # A quick poll may be answered by visitors who are not signed in; comments need an author.
    anonymous_actions = frozenset({ParticipationAction.TAKE_POLL})
    config_model = PollConfig

    def normalize_config(self, config: MethodConfig) -> MethodConfig:
        return config


def test_default_registry_ships_information_first():
    assert next(m.id for m in REGISTRY) == "information"
    assert "information" in REGISTRY
    assert REGISTRY.get("information").actions == frozenset()


def test_a_new_method_is_one_registration():
    # GIVEN a registry WHEN a method is registered THEN it is listed with its actions and schema
    registry = MethodRegistry()
    registry.register(InformationMethod())
    method: ParticipationMethod = registry.register(PollMethod())
    listing = MethodList.of(registry)
    assert [m.id for m in listing.items] == ["information", "poll"]
    poll = listing.items[1]
    assert poll.actions == [ParticipationAction.COMMENT, ParticipationAction.TAKE_POLL]
    assert poll.config_schema["properties"]["max_choices"]["minimum"] == 1
    assert registry.validate_config(method.id, {"max_choices": 3}) == PollConfig(max_choices=3)


def test_registering_an_id_twice_is_a_programming_error():
    registry = MethodRegistry()
    registry.register(PollMethod())
    with pytest.raises(ValueError, match="already registered"):
        registry.register(PollMethod())


def test_unknown_method_names_the_known_ones():
    with pytest.raises(UnknownMethodError) as caught:
        REGISTRY.get("telepathy")
    assert caught.value.status == 422
    assert caught.value.issues[0].field == "method"
    assert "information" in caught.value.issues[0].message


def test_config_errors_point_into_method_config():
    registry = MethodRegistry()
    registry.register(PollMethod())
    with pytest.raises(ValidationError) as caught:
        registry.validate_config("poll", {"max_choices": 0, "extra": True})
    fields = {issue.field for issue in caught.value.issues}
    assert fields == {"method_config.max_choices", "method_config.extra"}


def test_missing_config_means_the_defaults():
    registry = MethodRegistry()
    registry.register(PollMethod())
    assert registry.validate_config("poll", None) == PollConfig()
