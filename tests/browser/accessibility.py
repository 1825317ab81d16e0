"""axe-core checks for every page a browser test visits."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_AXE = Axe()


def violations(page: Any) -> list[dict[str, Any]]:
    """The axe-core violations of the page as it is now (WCAG 2.0 to 2.2 A/AA rules)."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = _AXE.run(page, options=options)
    found: list[dict[str, Any]] = results.response["violations"]
    return found


def assert_accessible(page: Any) -> None:
    """Fail with a readable list of rule ids, impacts and offending nodes."""
    found = violations(page)
    if found:
        lines = [f"axe found {len(found)} violation(s) on {page.url}:"]
        for violation in found:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
            lines.append(
                f"- {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}"
            )
        raise AssertionError("\n".join(lines))
