"""Registration fields and areas: residents read what is asked, admins define it."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.registration.blueprint import bp
from chalicelib.registration.wiring import registration
from shared.registration.schemas import (
    Area,
    AreaCreate,
    AreaList,
    AreaUpdate,
    FieldList,
    RegistrationField,
    RegistrationFieldCreate,
    RegistrationFieldUpdate,
    RegistrationForm,
    RegistrationOrder,
)

TAGS = ("registration",)


@api_route(bp, "/registration", response=RegistrationForm, tags=TAGS)
def get_registration_form(ctx: RequestContext) -> RegistrationForm:
    """The registration fields residents answer (sign-up, profile), in order."""
    return registration().form(ctx.tenant)


@api_route(bp, "/registration/fields", response=FieldList, auth="user", tags=TAGS, errors=(403,))
def list_registration_fields(ctx: RequestContext) -> FieldList:
    """Every registration field, switched-off ones too (admins)."""
    return registration().list_fields(ctx.tenant, ctx.principal)


@api_route(
    bp,
    "/registration/fields",
    "POST",
    body=RegistrationFieldCreate,
    response=RegistrationField,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def create_registration_field(ctx: RequestContext, body: RegistrationFieldCreate) -> ApiResponse:
    """Add a custom registration field (admins)."""
    return ApiResponse(registration().create_field(ctx.tenant, ctx.principal, body), status=201)


@api_route(
    bp,
    "/registration/fields/order",
    "PUT",
    body=RegistrationOrder,
    response=FieldList,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def reorder_registration_fields(ctx: RequestContext, body: RegistrationOrder) -> FieldList:
    """Set the order of the fields; list every field once (admins)."""
    return registration().reorder_fields(ctx.tenant, ctx.principal, body)


@api_route(
    bp,
    "/registration/fields/{field_id}",
    "PATCH",
    body=RegistrationFieldUpdate,
    response=RegistrationField,
    auth="user",
    tags=TAGS,
    errors=(403, 404, 409),
)
def update_registration_field(
    ctx: RequestContext, field_id: str, body: RegistrationFieldUpdate
) -> RegistrationField:
    """Change a field: switch it on or off, make it required, reword it (admins)."""
    return registration().update_field(ctx.tenant, ctx.principal, field_id, body)


@api_route(
    bp,
    "/registration/fields/{field_id}",
    "DELETE",
    status=204,
    auth="user",
    tags=TAGS,
    errors=(403, 404, 409),
)
def delete_registration_field(ctx: RequestContext, field_id: str) -> None:
    """Delete a custom field (built-in fields are switched off instead)."""
    registration().delete_field(ctx.tenant, ctx.principal, field_id)


@api_route(bp, "/registration/areas", response=AreaList, tags=TAGS)
def list_areas(ctx: RequestContext) -> AreaList:
    """The platform's areas residents say they live in, in order."""
    return registration().areas(ctx.tenant)


@api_route(
    bp,
    "/registration/areas",
    "POST",
    body=AreaCreate,
    response=Area,
    status=201,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def create_area(ctx: RequestContext, body: AreaCreate) -> ApiResponse:
    """Add an area (admins)."""
    return ApiResponse(registration().create_area(ctx.tenant, ctx.principal, body), status=201)


@api_route(
    bp,
    "/registration/areas/order",
    "PUT",
    body=RegistrationOrder,
    response=AreaList,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def reorder_areas(ctx: RequestContext, body: RegistrationOrder) -> AreaList:
    """Set the order of the areas; list every area once (admins)."""
    return registration().reorder_areas(ctx.tenant, ctx.principal, body)


@api_route(
    bp,
    "/registration/areas/{area_id}",
    "PATCH",
    body=AreaUpdate,
    response=Area,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def update_area(ctx: RequestContext, area_id: str, body: AreaUpdate) -> Area:
    """Rename an area (admins)."""
    return registration().update_area(ctx.tenant, ctx.principal, area_id, body)


@api_route(
    bp,
    "/registration/areas/{area_id}",
    "DELETE",
    status=204,
    auth="user",
    tags=TAGS,
    errors=(403, 404),
)
def delete_area(ctx: RequestContext, area_id: str) -> None:
    """Delete an area (admins)."""
    registration().delete_area(ctx.tenant, ctx.principal, area_id)
