"""Generate the OpenAPI 3.1 document from the typed route registry."""

from __future__ import annotations

import re
from typing import Any, Literal

import pydantic
from pydantic.json_schema import GenerateJsonSchema, models_json_schema
from pydantic_core import core_schema

from chalicelib.api.routing import ROUTES, RouteSpec

REF = "#/components/schemas/{model}"
_PATH_PARAM = re.compile(r"\{(\w+)\}")

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status", "detail", "code"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "code": {"type": "string", "description": "Stable machine-readable error code."},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "code", "message"],
                "properties": {
                    "field": {"type": "string"},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                },
            },
        },
    },
    "additionalProperties": True,
}


Mode = Literal["validation", "serialization"]


class _ResponsesCarryEveryField(GenerateJsonSchema):
    """Responses always include every field (defaults are rendered), so mark them required.

    Without this, a field with a server-side default looks optional to the
    generated client and every consumer has to invent a fallback for it.
    """

    def field_is_required(
        self,
        field: core_schema.ModelField | core_schema.DataclassField | core_schema.TypedDictField,
        total: bool,
    ) -> bool:
        if self.mode == "serialization":
            return field.get("serialization_exclude_if") is None
        return super().field_is_required(field, total)


def _models(routes: list[RouteSpec]) -> list[tuple[type[pydantic.BaseModel], Mode]]:
    seen: dict[tuple[type[pydantic.BaseModel], Mode], None] = {}
    for spec in routes:
        pairs: tuple[tuple[Any, Mode], ...] = (
            (spec.body, "validation"),
            (spec.query, "validation"),
            (spec.response, "serialization"),
        )
        for model, mode in pairs:
            if isinstance(model, type) and issubclass(model, pydantic.BaseModel):
                seen[(model, mode)] = None
    return list(seen)


def _query_parameters(
    model: type[pydantic.BaseModel], schemas: dict[str, Any]
) -> list[dict[str, Any]]:
    schema = model.model_json_schema(ref_template=REF, mode="validation")
    required = set(schema.get("required", []))
    params = []
    for name, prop in schema.get("properties", {}).items():
        params.append(
            {
                "name": name,
                "in": "query",
                "required": name in required,
                "schema": {k: v for k, v in prop.items() if k != "title"},
                **({"description": prop["description"]} if "description" in prop else {}),
            }
        )
    for def_name, definition in schema.get("$defs", {}).items():
        schemas.setdefault(def_name, definition)
    return params


def _problem_responses(spec: RouteSpec) -> dict[str, Any]:
    codes = {422, 500, *spec.errors}
    if spec.auth in ("user", "content"):
        codes.add(401)
    if spec.body is not None:
        codes |= {413, 415}
    problem = {"application/problem+json": {"schema": {"$ref": REF.format(model="Problem")}}}
    return {str(c): {"description": "Problem", "content": problem} for c in sorted(codes)}


def _operation(spec: RouteSpec, refs: dict[Any, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": spec.operation_id,
        "summary": spec.summary or spec.operation_id.replace("_", " "),
        "tags": list(spec.tags),
        "parameters": [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
            for name in _PATH_PARAM.findall(spec.path)
        ],
    }
    if spec.query is not None:
        operation["parameters"] += _query_parameters(spec.query, schemas)
    if spec.body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": refs[(spec.body, "validation")]}},
        }
    if spec.auth == "user":
        operation["security"] = [{"bearer": []}]
    responses: dict[str, Any] = {}
    if spec.raw_response:
        responses[str(spec.status)] = {
            "description": "OK",
            "content": {spec.raw_response: {"schema": {"type": "string"}}},
        }
    elif spec.response is None:
        responses["204" if spec.status == 200 else str(spec.status)] = {"description": "No content"}
    else:
        responses[str(spec.status)] = {
            "description": "OK",
            "content": {"application/json": {"schema": refs[(spec.response, "serialization")]}},
        }
    responses.update(_problem_responses(spec))
    operation["responses"] = responses
    return operation


def build_document(routes: list[RouteSpec] | None = None) -> dict[str, Any]:
    """The OpenAPI 3.1 document of every registered route."""
    routes = sorted(routes if routes is not None else ROUTES, key=lambda r: (r.path, r.method))
    refs, definitions = models_json_schema(
        _models(routes), ref_template=REF, schema_generator=_ResponsesCarryEveryField
    )
    schemas: dict[str, Any] = dict(definitions.get("$defs", {}))
    schemas["Problem"] = PROBLEM_SCHEMA
    paths: dict[str, Any] = {}
    for spec in routes:
        paths.setdefault(spec.path, {})[spec.method.lower()] = _operation(spec, refs, schemas)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Townhall API",
            "version": "1",
            "description": "Civic participation platform. Errors are RFC 9457 problem+json.",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
            },
        },
    }
