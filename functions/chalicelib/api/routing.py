"""Typed routes: one decorator parses input, calls the handler, renders output.

``api_route`` registers the route with Chalice *and* in :data:`ROUTES`, from
which :mod:`chalicelib.api.openapi` generates the OpenAPI document, so the
document cannot miss a route. Every error raised below a handler is rendered
here, by the one resolver in :mod:`chalicelib.api.problems`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import pydantic
from chalice.app import Blueprint, Response

from chalicelib import runtime
from chalicelib.api.auth import authenticate
from chalicelib.api.context import ApiResponse, RequestContext
from chalicelib.api.problems import (
    BASE_HEADERS,
    Headers,
    internal_problem,
    issues_from_pydantic,
    problem_response,
)
from chalicelib.api.tenant import resolve_tenant, viewer_ip
from shared.errors import (
    AuthenticationError,
    DomainError,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
    ValidationError,
)
from shared.observability import logger
from shared.permissions import Action, Resource, authorize

API_PREFIX = "/api/v1"
Auth = Literal["public", "content", "user"]
"""``public``: always reachable (signing in, the platform's branding, legal pages);
``content``: the platform's content, for visitors unless the platform is for signed-in
residents only; ``user``: signed-in users (the policy then decides)."""

# Chalice refuses unknown types with its own 415 before our view runs; listing
# the common ones lets the view answer with a problem+json error instead.
ACCEPTED_CONTENT_TYPES = [
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "application/xml",
    "text/xml",
    "application/octet-stream",
]


@dataclass(frozen=True)
class RouteSpec:
    """Everything the OpenAPI generator needs about one operation."""

    path: str
    method: str
    operation_id: str
    summary: str
    tags: tuple[str, ...]
    body: type[pydantic.BaseModel] | None
    query: type[pydantic.BaseModel] | None
    response: Any
    status: int
    auth: Auth
    raw_response: str | None = None
    errors: tuple[int, ...] = field(default_factory=tuple)


ROUTES: list[RouteSpec] = []


def _check_body_shape(request: Any) -> None:
    """Size and media type come first: they need neither tenant nor principal."""
    raw = request.raw_body or b""
    if len(raw) > runtime.settings().max_body_bytes:
        raise PayloadTooLargeError(extra={"max_bytes": runtime.settings().max_body_bytes})
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise UnsupportedMediaTypeError()


def _parse_body(ctx: RequestContext, model: type[pydantic.BaseModel]) -> pydantic.BaseModel:
    raw = ctx.request.raw_body or b""
    try:
        data = json.loads(raw or b"{}")
    except ValueError as error:
        raise ValidationError("The request body is not valid JSON.", code="invalid_json") from error
    return _validated(model, data)


def _parse_query(ctx: RequestContext, model: type[pydantic.BaseModel]) -> pydantic.BaseModel:
    return _validated(model, dict(ctx.request.query_params or {}))


def _validated(model: type[pydantic.BaseModel], data: Any) -> pydantic.BaseModel:
    """Client input that fails its model is a 422; any other pydantic error is our bug (500)."""
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as error:
        raise ValidationError(issues=issues_from_pydantic(error)) from error


def _render(result: Any, spec: RouteSpec) -> Response:
    headers: Headers = {**BASE_HEADERS, "Content-Type": "application/json"}
    if isinstance(result, Response):
        return result
    status = spec.status
    cookies: list[str] = []
    if isinstance(result, ApiResponse):
        headers.update(result.headers)
        status, cookies, result = result.status, result.cookies, result.body
    if result is None:
        body = ""
        if status == 200:
            status = 204
    elif isinstance(result, pydantic.BaseModel):
        body = result.model_dump_json(by_alias=True)
    else:
        body = json.dumps(result)
    if cookies:
        headers_out: dict[str, Any] = {**headers, "Set-Cookie": cookies}
        return Response(body=body, status_code=status, headers=headers_out)
    return Response(body=body, status_code=status, headers=headers)


def _dispatch(
    bp: Blueprint, spec: RouteSpec, handler: Callable[..., Any], path_params: dict[str, str]
) -> Response:
    """Run one request through tenant, principal, input parsing and the handler."""
    try:
        request = bp.current_request
        if spec.body is not None:
            _check_body_shape(request)
        tenant = resolve_tenant(request)
        principal = authenticate(tenant, request.headers.get("authorization"))
        if spec.auth == "user" and not principal.is_authenticated:
            raise AuthenticationError()
        if spec.auth == "content":
            visit = runtime.platforms().access(tenant).visit.value
            authorize(
                principal, Action.PLATFORM_VISIT, Resource(tenant.tenant_id, visibility=visit)
            )
        ctx = RequestContext(
            request=request, tenant=tenant, principal=principal, source_ip=viewer_ip(request)
        )
        kwargs: dict[str, Any] = dict(path_params)
        if spec.body is not None:
            kwargs["body"] = _parse_body(ctx, spec.body)
        if spec.query is not None:
            kwargs["query"] = _parse_query(ctx, spec.query)
        return _render(handler(ctx, **kwargs), spec)
    except DomainError as error:
        return problem_response(error)
    except Exception:
        logger.exception("unhandled error", extra={"route": spec.path, "method": spec.method})
        return internal_problem()


def api_route(
    bp: Blueprint,
    path: str,
    method: str = "GET",
    *,
    body: type[pydantic.BaseModel] | None = None,
    query: type[pydantic.BaseModel] | None = None,
    response: Any = None,
    status: int = 200,
    auth: Auth = "public",
    summary: str = "",
    tags: tuple[str, ...] = (),
    raw_response: str | None = None,
    errors: tuple[int, ...] = (),
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a typed operation at ``/api/v1`` + ``path``.

    The handler is called as ``handler(ctx, **path_params[, body=...][, query=...])``
    and returns a pydantic model, ``None`` (204), or an :class:`ApiResponse`.
    """

    def decorator(handler: Callable[..., Any]) -> Callable[..., Any]:
        spec = RouteSpec(
            path=API_PREFIX + path,
            method=method.upper(),
            operation_id=handler.__name__,
            summary=summary or (handler.__doc__ or "").strip().split("\n")[0],
            tags=tags,
            body=body,
            query=query,
            response=response,
            status=status,
            auth=auth,
            raw_response=raw_response,
            errors=errors,
        )
        ROUTES.append(spec)

        @functools.wraps(handler)
        def view(**path_params: str) -> Response:
            return _dispatch(bp, spec, handler, path_params)

        content_types = (
            ACCEPTED_CONTENT_TYPES if method.upper() in ("POST", "PUT", "PATCH") else None
        )
        route_kwargs: dict[str, Any] = {"methods": [method.upper()]}
        if content_types:
            route_kwargs["content_types"] = content_types
        # Blueprint routes are registered without the prefix; app.py mounts them at /api/v1.
        bp.route(path, **route_kwargs)(view)
        return handler

    return decorator
