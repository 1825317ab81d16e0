"""Exports of the input manager: routes and the ``export_worker`` task (Blueprint ``bp``).

Importing the modules registers their operations and the Lambda function on ``bp``.
"""

from chalicelib.exports import routes, worker
from chalicelib.exports.blueprint import bp

__all__ = ["bp", "routes", "worker"]
