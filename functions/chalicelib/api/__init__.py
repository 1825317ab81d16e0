"""The API layer: typed routes, request context, problem+json and OpenAPI."""

from chalicelib.api.context import ApiResponse, RequestContext
from chalicelib.api.routing import api_route

__all__ = ["ApiResponse", "RequestContext", "api_route"]
