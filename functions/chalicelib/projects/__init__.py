"""The projects domain's routes and event handlers (Blueprint ``bp``)."""

from chalice.app import Blueprint

bp = Blueprint(__name__)
