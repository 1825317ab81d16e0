"""The projects service, split by what it operates on; :class:`ProjectService` joins them."""
