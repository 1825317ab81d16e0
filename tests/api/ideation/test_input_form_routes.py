"""The per-project input form: managers set it, everyone who sees the project reads it."""

from __future__ import annotations

from typing import Any

from tests.api.ideation.conftest import Ideas, problem_fields
from tests.conftest import body_of


def test_a_project_starts_with_the_default_form(api: Any, ideas: Ideas) -> None:
    form = body_of(api.get(f"/projects/{ideas.project_id}/input-form"))
    assert form["builtin"]["body"] == {"enabled": True, "required": True}
    assert form["max_images"] == 5
    assert form["custom_fields"] == []


def test_a_manager_sets_every_kind_of_custom_field(api: Any, ideas: Ideas) -> None:
    topic = ideas.topic("Trees")
    options = [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}}]
    fields = [
        {"id": "t", "type": "text", "label": {"en": "Text", "fr": "Texte"}},
        {"id": "m", "type": "multiline", "label": {"en": "Long"}, "help": {"en": "Say more"}},
        {"id": "n", "type": "number", "label": {"en": "Number"}},
        {"id": "s", "type": "single_choice", "label": {"en": "One"}, "options": options},
        {"id": "c", "type": "multiple_choice", "label": {"en": "Many"}, "options": options},
        {"id": "l", "type": "linear_scale", "label": {"en": "Scale"}, "min_label": {"en": "Low"}},
        {"id": "d", "type": "date", "label": {"en": "Date"}},
        {"id": "x", "type": "checkbox", "label": {"en": "Agree"}, "required": True},
    ]
    manager = ideas.tokens.project_manager(ideas.project_id)
    response = api.put(
        f"/projects/{ideas.project_id}/input-form",
        {"topic_ids": [topic], "custom_fields": fields, "max_images": 3},
        token=manager,
    )
    assert response.status_code == 200, body_of(response)
    form = body_of(api.get(f"/projects/{ideas.project_id}/input-form"))
    assert [f["type"] for f in form["custom_fields"]] == [f["type"] for f in fields]
    scale = form["custom_fields"][5]
    assert (scale["scale_min"], scale["scale_max"]) == (1, 5)
    assert form["topic_ids"] == [topic]


def test_residents_cannot_change_the_form(api: Any, ideas: Ideas) -> None:
    response = api.put(f"/projects/{ideas.project_id}/input-form", {}, token="resident-a")
    assert response.status_code == 403


def test_unknown_topics_and_broken_fields_are_refused(api: Any, ideas: Ideas) -> None:
    unknown = api.put(
        f"/projects/{ideas.project_id}/input-form", {"topic_ids": ["nope"]}, token="admin-a"
    )
    assert problem_fields(unknown) == {"topic_ids.0": "unknown_topic"}
    one_option = api.put(
        f"/projects/{ideas.project_id}/input-form",
        {
            "custom_fields": [
                {
                    "id": "s",
                    "type": "single_choice",
                    "label": {"en": "One"},
                    "options": [{"id": "a", "label": {"en": "A"}}],
                }
            ]
        },
        token="admin-a",
    )
    assert one_option.status_code == 422
    required_off = api.put(
        f"/projects/{ideas.project_id}/input-form",
        {"builtin": {"images": {"enabled": False, "required": True}}},
        token="admin-a",
    )
    assert required_off.status_code == 422


def test_a_deleted_topic_leaves_the_form_at_once(api: Any, ideas: Ideas) -> None:
    # GIVEN a form offering two topics
    trees, water = ideas.topic("Trees"), ideas.topic("Water")
    saved = api.put(
        f"/projects/{ideas.project_id}/input-form", {"topic_ids": [trees, water]}, token="admin-a"
    )
    assert saved.status_code == 200, body_of(saved)
    # WHEN the admin deletes one of them
    assert api.delete(f"/topics/{water}", token="admin-a").status_code == 204
    # THEN residents are offered only the other, without anyone saving the form again
    form = body_of(api.get(f"/projects/{ideas.project_id}/input-form"))
    assert form["topic_ids"] == [trees]
