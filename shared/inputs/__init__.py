"""The input manager: every input a team member handles, across projects, and bulk work on it.

- ``listing``: the cross-project table (``InputListing.page`` / ``iterate``) over
  the manager's indexes of the ``ideas`` table (see ``shared.ideation.models``);
  ``scope`` decides which projects a viewer reaches (``INPUT_FEEDBACK``).
- ``assignment``: collaborators (admins and managers of a project) and bulk
  assignment (event ``ideation.idea.assigned``).
- ``feedback``: bulk status and official update through the ideas' own services.
- ``moving``: move or copy to another ideation phase, votes kept or reset
  (events ``ideation.idea.moved`` + ``updated``, or ``published`` for a copy).
- ``notes`` / ``note_records``: internal notes in the idea's partition, with
  mentions of colleagues (events ``ideation.note.posted`` / ``updated``).
- ``backfill``: the manager's index keys for ideas stored before they existed.
"""
