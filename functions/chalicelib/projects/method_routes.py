"""Participation methods, described for the admin UI."""

from __future__ import annotations

from chalicelib.api import RequestContext, api_route
from chalicelib.projects.blueprint import bp
from shared.participation import REGISTRY
from shared.participation.schemas import MethodList


@api_route(bp, "/participation-methods", response=MethodList, tags=("projects",))
def list_participation_methods(ctx: RequestContext) -> MethodList:
    """Every participation method: its id, supported actions and config JSON schema."""
    return MethodList.of(REGISTRY)
