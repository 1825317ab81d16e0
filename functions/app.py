"""Townhall's Chalice app: wires middleware and one Blueprint per domain."""

from __future__ import annotations

from typing import Any

from chalice.app import Chalice, Request, Response

from chalicelib import (
    devtools,
    discussion,
    exports,
    groups,
    ideation,
    identity,
    inputs,
    legal,
    mailer,
    moderation,
    notifications,
    platform,
    privacy,
    projects,
    registration,
    uploads,
    verification,
)
from chalicelib.api.problems import convert_framework_error
from chalicelib.api.routing import API_PREFIX
from chalicelib.moderation import digest_worker  # noqa: F401 - registers moderation_digest

app = Chalice(app_name="townhall")
app.experimental_feature_flags.update(["BLUEPRINTS"])

BLUEPRINTS = (
    platform.bp,
    uploads.bp,
    identity.bp,
    verification.bp,
    registration.bp,
    groups.bp,
    projects.bp,
    ideation.bp,
    discussion.bp,
    notifications.bp,
    moderation.bp,
    inputs.bp,
    exports.bp,
    legal.bp,
    privacy.bp,
    devtools.bp,
    mailer.bp,
)
for blueprint in BLUEPRINTS:
    app.register_blueprint(blueprint, url_prefix=API_PREFIX)


@app.middleware("http")
def problem_errors(event: Request, get_response: Any) -> Response:
    """Give Chalice's own errors (415, 405) the problem+json shape."""
    return convert_framework_error(get_response(event))
