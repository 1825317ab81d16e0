"""Townhall's Chalice handlers: one Blueprint per domain, plus the API layer."""
