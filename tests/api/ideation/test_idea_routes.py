"""Posting, reading, editing, deleting ideas and setting their status, rule by rule."""

from __future__ import annotations

from typing import Any

from chalicelib import runtime
from tests.api.ideation.conftest import Ideas, image_key, problem_fields
from tests.conftest import body_of


def _exists(key: str) -> bool:
    s3 = runtime.client("s3")
    listing = s3.list_objects_v2(Bucket=runtime.settings().names.bucket("uploads"), Prefix=key)
    return bool(listing.get("Contents"))


def test_a_resident_posts_an_idea_and_anyone_reads_it(api: Any, ideas: Ideas) -> None:
    # GIVEN an open ideation phase
    # WHEN a resident posts an idea with a location and an image
    key = image_key()
    idea = ideas.idea(
        location={"lat": 50.85, "lng": 4.35, "address": "Grand Place"}, image_keys=[key]
    )

    # THEN it is stored with the resident as author, no counts yet
    assert idea["title"] == {"en": "More benches"}
    assert idea["author"]["id"] == "resident-a"
    assert (idea["likes"], idea["dislikes"], idea["comments"]) == (0, 0, 0)
    assert idea["location"] == {"lat": 50.85, "lng": 4.35, "address": "Grand Place"}
    assert idea["images"][0]["key"] == key
    assert idea["permissions"]["edit"] == {"allowed": True, "reason": "ok", "fields": []}
    # AND an anonymous visitor reads it, with permissions telling why not
    public = body_of(api.get(f"/ideas/{idea['id']}"))
    assert public["id"] == idea["id"]
    assert public["permissions"]["react"] == {
        "allowed": False,
        "reason": "not_signed_in",
        "fields": [],
    }
    assert public["permissions"]["feedback"]["allowed"] is False


def test_posting_publishes_an_event(ideas: Ideas, monkeypatch: Any) -> None:
    from chalicelib.ideation import wiring
    from shared.events import RecordingPublisher

    recorder = RecordingPublisher()
    monkeypatch.setattr(wiring.ideas(), "_publisher", recorder)
    idea = ideas.idea()
    assert [(e.type, e.data) for e in recorder.events] == [
        (
            "ideation.idea.published",
            {
                "idea_id": idea["id"],
                "project_id": ideas.project_id,
                "phase_id": ideas.phase_id,
                "author_id": "resident-a",
            },
        )
    ]


def test_a_closed_phase_refuses_ideas(ideas: Ideas) -> None:
    closed = ideas.phase(start="2019-01-01", end="2019-12-31")
    response = ideas.post(phase_id=closed["id"])
    assert response.status_code == 403
    assert body_of(response)["code"] == "phase_closed"


def test_a_phase_with_posting_off_refuses_ideas(ideas: Ideas) -> None:
    ideas.configure(posting_enabled=False)
    response = ideas.post()
    assert response.status_code == 403
    assert body_of(response)["code"] == "action_disabled"


def test_anonymous_visitors_must_sign_in_to_post(api: Any, ideas: Ideas) -> None:
    response = api.post(ideas.path(), {"title": {"en": "x"}})
    assert response.status_code == 401


def test_a_phase_of_another_method_has_no_ideas(api: Any, ideas: Ideas) -> None:
    info = ideas.admin.phase(ideas.project_id, "2018-01-01", "2018-12-31")
    response = api.get(ideas.path(info["id"]))
    assert response.status_code == 404
    assert body_of(response)["code"] == "not_an_ideation_phase"


def test_markup_in_the_title_is_refused_and_the_body_is_sanitised(ideas: Ideas) -> None:
    refused = ideas.post(title={"en": "<script>alert(1)</script>Benches"})
    assert refused.status_code == 422
    assert "title.en" in problem_fields(refused)

    idea = ideas.idea(body={"en": '<p onclick="x()">Shade<script>alert(1)</script></p>'})
    assert idea["body"] == {"en": "<p>Shade</p>"}


def test_invalid_coordinates_are_refused(ideas: Ideas) -> None:
    response = ideas.post(location={"lat": 91, "lng": -181})
    assert response.status_code == 422
    assert {"location.lat", "location.lng"} <= set(problem_fields(response))


def _pin_ids(api: Any, ideas: Ideas) -> list[str]:
    path = f"/projects/{ideas.project_id}/phases/{ideas.phase_id}/idea-pins"
    return [pin["id"] for pin in body_of(api.get(path))["items"]]


def test_an_address_alone_is_a_location_that_is_not_on_the_map(api: Any, ideas: Ideas) -> None:
    # WHEN a resident gives an address without a pin
    idea = ideas.idea(location={"address": "  Market Square 3  "})
    # THEN the idea keeps the address (trimmed) with no coordinates
    assert idea["location"] == {"lat": None, "lng": None, "address": "Market Square 3"}
    assert body_of(api.get(f"/ideas/{idea['id']}"))["location"] == idea["location"]
    # AND it is listed but has no pin on the map
    card = ideas.list()["items"][0]
    assert (card["id"], card["has_location"]) == (idea["id"], False)
    assert _pin_ids(api, ideas) == []


def test_a_pin_alone_and_a_pin_with_an_address_are_on_the_map(api: Any, ideas: Ideas) -> None:
    pin_only = ideas.idea(location={"lat": 50.85, "lng": 4.35})
    both = ideas.idea(location={"lat": 50.86, "lng": 4.36, "address": "Town hall"})
    assert pin_only["location"] == {"lat": 50.85, "lng": 4.35, "address": None}
    assert both["location"] == {"lat": 50.86, "lng": 4.36, "address": "Town hall"}
    assert sorted(_pin_ids(api, ideas)) == sorted([pin_only["id"], both["id"]])


def test_a_location_needs_an_address_or_a_whole_pin(ideas: Ideas) -> None:
    for empty in ({}, {"address": "   "}, {"address": None}):
        response = ideas.post(location=empty)
        assert response.status_code == 422, empty
        assert problem_fields(response) == {"location": "location_empty"}
        assert "address or place a pin" in body_of(response)["errors"][0]["message"]
    for half in ({"lat": 50.85}, {"lng": 4.35, "address": "Town hall"}):
        response = ideas.post(location=half)
        assert problem_fields(response) == {"location": "pin_incomplete"}, half


def test_an_address_only_location_satisfies_a_required_location(ideas: Ideas) -> None:
    ideas.form(builtin={"location": {"enabled": True, "required": True}})
    idea = ideas.idea(location={"address": "Station Road"})
    assert idea["location"]["address"] == "Station Road"


def test_an_edit_takes_the_pin_away_and_keeps_the_address(api: Any, ideas: Ideas) -> None:
    idea = ideas.idea(location={"lat": 50.85, "lng": 4.35, "address": "Town hall"})
    response = api.patch(
        f"/ideas/{idea['id']}", {"location": {"address": "Town hall"}}, token="resident-a"
    )
    assert response.status_code == 200, body_of(response)
    assert body_of(response)["location"] == {"lat": None, "lng": None, "address": "Town hall"}
    assert _pin_ids(api, ideas) == []
    # AND an edit of something else keeps the address-only location
    response = api.patch(f"/ideas/{idea['id']}", {"title": {"en": "Bench"}}, token="resident-a")
    assert body_of(response)["location"] == {"lat": None, "lng": None, "address": "Town hall"}


def test_location_required_or_switched_off_by_the_form(ideas: Ideas) -> None:
    ideas.form(builtin={"location": {"enabled": True, "required": True}})
    assert problem_fields(ideas.post()) == {"location": "required"}
    ideas.form(builtin={"location": {"enabled": False}})
    response = ideas.post(location={"lat": 1, "lng": 2})
    assert problem_fields(response) == {"location": "field_disabled"}


def test_more_images_than_the_form_allows_are_refused(ideas: Ideas) -> None:
    ideas.form(max_images=1)
    response = ideas.post(image_keys=[image_key(), image_key()])
    assert response.status_code == 422
    assert problem_fields(response) == {"image_keys": "too_many_images"}


def test_an_upload_of_another_purpose_or_person_is_refused(ideas: Ideas) -> None:
    wrong_purpose = image_key(purpose="avatar")
    someone_else = image_key(user="resident-b")
    response = ideas.post(image_keys=[wrong_purpose, someone_else])
    assert response.status_code == 422
    assert problem_fields(response) == {
        "image_keys.0": "invalid_upload",
        "image_keys.1": "invalid_upload",
    }


def test_an_image_that_is_not_one_or_never_arrived_is_refused(api: Any, ideas: Ideas) -> None:
    from tests.api.ideation.conftest import put_upload

    fake = put_upload("idea_image", "x.png", b"not a picture", "image/png", user="resident-a")
    request = {"purpose": "idea_image", "filename": "y.png", "content_type": "image/png"}
    ticket = body_of(api.post("/uploads", {**request, "size": 10}, token="resident-a"))
    response = ideas.post(image_keys=[fake, ticket["key"]])
    assert response.status_code == 422
    assert problem_fields(response) == {
        "image_keys.0": "not_an_image",
        "image_keys.1": "upload_missing",
    }
    assert not _exists(fake)  # a file that is not an image is not kept


def test_attachments_are_confirmed_as_documents(ideas: Ideas) -> None:
    from tests.api.ideation.conftest import put_upload

    key = put_upload("idea_attachment", "plan.txt", b"plan", "text/plain", user="resident-a")
    idea = ideas.idea(attachment_keys=[key])
    assert [(a["name"], a["size"]) for a in idea["attachments"]] == [("plan.txt", 4)]


def test_custom_fields_are_checked_against_the_form(ideas: Ideas) -> None:
    ideas.form(
        custom_fields=[
            {"id": "age", "type": "number", "label": {"en": "Your age"}, "required": True},
            {
                "id": "area",
                "type": "single_choice",
                "label": {"en": "Area"},
                "options": [
                    {"id": "north", "label": {"en": "North"}},
                    {"id": "south", "label": {"en": "South"}},
                ],
            },
        ]
    )
    # WHEN the required answer is missing and the choice is not an option
    response = ideas.post(custom_fields={"area": "east"})
    # THEN both are named with the field's label
    assert problem_fields(response) == {
        "custom_fields.age": "required",
        "custom_fields.area": "invalid_choice",
    }
    messages = [e["message"] for e in body_of(response)["errors"]]
    assert any("Your age" in m for m in messages)
    # AND correct answers are stored
    idea = ideas.idea(custom_fields={"age": 42, "area": "north"})
    assert idea["custom_fields"] == {"age": 42, "area": "north"}


def test_topics_must_be_offered_by_the_project(ideas: Ideas) -> None:
    offered, other = ideas.topic("Trees"), ideas.topic("Parking")
    ideas.form(topic_ids=[offered])
    assert problem_fields(ideas.post(topic_ids=[other])) == {"topic_ids.0": "unknown_topic"}
    assert ideas.idea(topic_ids=[offered])["topic_ids"] == [offered]


def test_a_failed_post_writes_nothing(ideas: Ideas) -> None:
    ideas.form(max_images=1)
    ideas.post(image_keys=[image_key(), image_key()])
    assert ideas.list()["items"] == []


def test_authors_edit_their_idea_others_may_not(api: Any, ideas: Ideas) -> None:
    idea = ideas.idea()
    path = f"/ideas/{idea['id']}"
    other = api.patch(path, {"title": {"en": "Mine now"}}, token="resident-b")
    assert other.status_code == 403
    assert body_of(other)["code"] == "not_owner"

    mine = api.patch(path, {"title": {"en": "Benches and shade"}}, token="resident-a")
    assert mine.status_code == 200, body_of(mine)
    assert body_of(mine)["title"] == {"en": "Benches and shade"}
    assert body_of(mine)["body"] == idea["body"]


def test_authors_cannot_edit_once_the_phase_closes_managers_can(api: Any, ideas: Ideas) -> None:
    idea = ideas.idea()
    ideas.configure(posting_enabled=False)
    refused = api.patch(f"/ideas/{idea['id']}", {"title": {"en": "Late"}}, token="resident-a")
    assert refused.status_code == 403
    assert body_of(refused)["code"] == "action_disabled"
    manager = ideas.tokens.project_manager(ideas.project_id)
    allowed = api.patch(f"/ideas/{idea['id']}", {"title": {"en": "Edited"}}, token=manager)
    assert allowed.status_code == 200, body_of(allowed)


def test_editing_replaces_images_and_removes_the_dropped_file(api: Any, ideas: Ideas) -> None:
    first, second = image_key(), image_key()
    idea = ideas.idea(image_keys=[first])
    response = api.patch(f"/ideas/{idea['id']}", {"image_keys": [second]}, token="resident-a")
    assert response.status_code == 200, body_of(response)
    assert [i["key"] for i in body_of(response)["images"]] == [second]
    assert not _exists(first) and _exists(second)


def test_removing_the_location(api: Any, ideas: Ideas) -> None:
    idea = ideas.idea(location={"lat": 1, "lng": 2})
    response = api.patch(f"/ideas/{idea['id']}", {"location": None}, token="resident-a")
    assert body_of(response)["location"] is None
    pins = body_of(api.get(f"/projects/{ideas.project_id}/phases/{ideas.phase_id}/idea-pins"))
    assert pins["items"] == []


def test_deleting_an_idea_removes_it_and_its_files(api: Any, ideas: Ideas) -> None:
    key = image_key()
    idea = ideas.idea(image_keys=[key])
    assert api.delete(f"/ideas/{idea['id']}", token="resident-b").status_code == 403
    assert api.delete(f"/ideas/{idea['id']}", token="resident-a").status_code == 204
    assert api.get(f"/ideas/{idea['id']}").status_code == 404
    assert not _exists(key)


def test_moderators_set_a_status_residents_may_not(
    api: Any, ideas: Ideas, monkeypatch: Any
) -> None:
    from chalicelib.ideation import wiring
    from shared.events import RecordingPublisher

    idea = ideas.idea()
    path = f"/ideas/{idea['id']}/status"
    refused = api.put(path, {"status_id": "accepted"}, token="resident-a")
    assert refused.status_code == 403
    assert body_of(refused)["code"] == "moderator_only"

    recorder = RecordingPublisher()
    monkeypatch.setattr(wiring.ideas(), "_publisher", recorder)
    manager = ideas.tokens.project_manager(ideas.project_id)
    response = api.put(path, {"status_id": "accepted"}, token=manager)
    assert response.status_code == 200, body_of(response)
    assert body_of(response)["status"]["code"] == "accepted"
    assert [
        (e.type, e.data["status_id"], e.data["previous_status_id"]) for e in recorder.events
    ] == [("ideation.idea.status_changed", "accepted", None)]
    unknown = api.put(path, {"status_id": "nope"}, token=manager)
    assert problem_fields(unknown) == {"status_id": "unknown_status"}


def test_ideas_of_a_draft_project_are_hidden(api: Any, ideas: Ideas) -> None:
    idea = ideas.idea()
    ideas.admin.call("POST", f"/projects/{ideas.project_id}/unpublish")
    assert api.get(f"/ideas/{idea['id']}").status_code == 404
    assert api.get(ideas.path()).status_code == 404
