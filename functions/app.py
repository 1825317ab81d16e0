"""Townhall's Chalice app: wires middleware and one Blueprint per domain."""

from __future__ import annotations

from typing import Any

from chalice.app import Chalice, Request, Response

import chalicelib.ideation
import chalicelib.notifications
from chalicelib import devtools, discussion, identity, mailer, platform, projects, uploads
from chalicelib.api.problems import convert_framework_error
from chalicelib.api.routing import API_PREFIX

app = Chalice(app_name="townhall")
app.experimental_feature_flags.update(["BLUEPRINTS"])

for blueprint in (platform.bp, uploads.bp, identity.bp, projects.bp, devtools.bp, mailer.bp):
    app.register_blueprint(blueprint, url_prefix=API_PREFIX)
app.register_blueprint(chalicelib.notifications.bp, url_prefix=API_PREFIX)
app.register_blueprint(discussion.bp, url_prefix=API_PREFIX)
app.register_blueprint(chalicelib.ideation.bp, url_prefix=API_PREFIX)


@app.middleware("http")
def problem_errors(event: Request, get_response: Any) -> Response:
    """Give Chalice's own errors (415, 405) the problem+json shape."""
    return convert_framework_error(get_response(event))
