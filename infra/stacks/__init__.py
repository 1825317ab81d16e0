"""The stacks of one stack set (region x stage), one per lifecycle."""
