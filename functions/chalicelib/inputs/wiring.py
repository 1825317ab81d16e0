"""The input manager's services of this process, wired to the directory and publisher."""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.ideation.wiring import search_index
from chalicelib.identity.wiring import directory
from shared.inputs.listing import InputListing


@runtime.cached
def listing() -> InputListing:
    return InputListing(directory(), search_index())
