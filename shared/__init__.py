"""Townhall's domain package: models, rules, services and data access.

Every function in ``functions/`` imports this package; nothing here imports
Chalice. Dependencies point one way: services -> repositories -> models.
"""
