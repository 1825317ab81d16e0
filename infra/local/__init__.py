"""The embedded default stack: Townhall on moto, no AWS account needed."""
