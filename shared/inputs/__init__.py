"""The input manager: every input a team member handles, across projects, and bulk work on it."""
