"""Registry of PynamoDB table models: the one source of truth for tables.

A table model declares its keys, indexes, TTL and stream in its class; the
dev runner creates tables from these classes and the CDK app derives its
``dynamodb.TableV2`` definitions from :func:`table_specs`, so the two cannot
drift. :func:`bind_models` points every model at this deployment's physical
table names and endpoint once per cold start.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from pynamodb.attributes import TTLAttribute
from pynamodb.models import Model

from shared.config import Settings
from shared.db.sessions import share_service_model_loader

M = TypeVar("M", bound=type[Model])

_TABLE_MODELS: dict[str, type[Model]] = {}
_BOUND: list[Settings] = []


def table_model(logical_name: str, *, stream: str | None = None) -> Any:
    """Class decorator: register a model as the owner of one logical table."""

    def register(cls: M) -> M:
        if logical_name in _TABLE_MODELS and _TABLE_MODELS[logical_name] is not cls:
            raise ValueError(f"table {logical_name!r} is already owned by another model")
        cls.Meta.logical_name = logical_name  # type: ignore[attr-defined]
        if stream:
            cls.Meta.stream_view_type = stream  # type: ignore[attr-defined]
        _TABLE_MODELS[logical_name] = cls
        if _BOUND:  # registered after binding (a late import): bind it too
            _bind(cls, logical_name, _BOUND[-1])
        return cls

    return register


def table_models() -> dict[str, type[Model]]:
    return dict(_TABLE_MODELS)


def _bind(model: type[Model], logical: str, settings: Settings) -> None:
    model.Meta.table_name = settings.names.table(logical)
    model.Meta.region = settings.region
    model.Meta.host = settings.endpoint_url
    model._connection = None  # drop a connection bound to an older endpoint


def bind_models(settings: Settings) -> None:
    """Point every registered model, and any registered later, at this deployment's tables."""
    _BOUND[:] = [settings]
    share_service_model_loader()
    for logical, model in _TABLE_MODELS.items():
        _bind(model, logical, settings)


@dataclass(frozen=True)
class IndexSpec:
    name: str
    hash_key: tuple[str, str]
    range_key: tuple[str, str] | None
    projection: str


@dataclass(frozen=True)
class TableSpec:
    """Key layout of one table, in the shape CDK and the runner need."""

    logical_name: str
    hash_key: tuple[str, str]
    range_key: tuple[str, str] | None
    ttl_attribute: str | None
    stream_view_type: str | None
    global_indexes: list[IndexSpec] = field(default_factory=list)


_TYPE_CODES = {"S": "S", "N": "N", "B": "B"}


def _attribute_type(model: type[Model], name: str) -> tuple[str, str]:
    attribute = model.get_attributes()[name]
    return attribute.attr_name, _TYPE_CODES[attribute.attr_type]


def table_specs() -> list[TableSpec]:
    """Describe every registered table: keys, GSIs, TTL and stream."""
    specs = []
    for logical, model in sorted(_TABLE_MODELS.items()):
        attributes = model.get_attributes()
        hash_key = next(n for n, a in attributes.items() if a.is_hash_key)
        range_key = next((n for n, a in attributes.items() if a.is_range_key), None)
        ttl = next((a.attr_name for a in attributes.values() if isinstance(a, TTLAttribute)), None)
        indexes = []
        for index in model._indexes.values():
            index_keys = {
                ("hash" if a.is_hash_key else "range"): (a.attr_name, a.attr_type)
                for a in index.Meta.attributes.values()
                if a.is_hash_key or a.is_range_key
            }
            indexes.append(
                IndexSpec(
                    name=index.Meta.index_name,
                    hash_key=index_keys["hash"],
                    range_key=index_keys.get("range"),
                    projection=index.Meta.projection.projection_type,
                )
            )
        specs.append(
            TableSpec(
                logical_name=logical,
                hash_key=_attribute_type(model, hash_key),
                range_key=_attribute_type(model, range_key) if range_key else None,
                ttl_attribute=ttl,
                stream_view_type=getattr(model.Meta, "stream_view_type", None),
                global_indexes=indexes,
            )
        )
    return specs
