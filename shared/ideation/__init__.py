"""Ideation: ideas posted in a phase, topics, idea statuses, input forms and search."""
