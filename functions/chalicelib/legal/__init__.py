"""The legal pages' routes (Blueprint ``bp``); importing the models registers the table."""

from chalicelib.legal import routes
from chalicelib.legal.blueprint import bp
from shared.legal import models

__all__ = ["bp", "models", "routes"]
