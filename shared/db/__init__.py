"""Data access foundations: table registry, tenant-scoped repositories, pagination."""
