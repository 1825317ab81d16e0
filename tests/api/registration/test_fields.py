"""Registration fields: admins define them; everyone reads the enabled ones in order."""

from __future__ import annotations

from tests.api.registration.conftest import custom_field
from tests.conftest import body_of


def test_a_new_platform_asks_nothing_and_offers_four_builtin_fields_switched_off(people, api):
    # GIVEN a platform whose admin has defined nothing
    # WHEN the public form and the admin list are read
    public = body_of(api.get("/registration"))
    listed = people.call("admin", "GET", "/registration/fields")["items"]
    # THEN residents are asked nothing, and admins see the built-ins, off, with a purpose
    assert public == {"fields": []}
    assert [f["id"] for f in listed] == ["gender", "birthyear", "area", "education"]
    assert all(f["builtin"] and not f["enabled"] for f in listed)
    assert all(set(f["purpose"]) == {"en", "fr", "de", "nl", "es", "pl"} for f in listed)
    gender = listed[0]
    assert [o["id"] for o in gender["options"]] == ["female", "male", "non_binary", "unspecified"]


def test_admins_add_edit_reorder_and_delete_custom_fields(people, api):
    # GIVEN a custom field and the gender field switched on and required
    created = people.call("admin", "POST", "/registration/fields", custom_field(), expect=201)
    assert created["builtin"] is False and created["enabled"] is True
    people.call("admin", "PATCH", "/registration/fields/gender", {"enabled": True})
    # WHEN the admin rewords the custom field and puts it first
    path = f"/registration/fields/{created['id']}"
    edited = people.call(
        "admin", "PATCH", path, {"label": {"en": "Your main way to travel"}, "help": None}
    )
    assert edited["label"] == {"en": "Your main way to travel"}
    assert edited["options"] == created["options"]  # what the change does not name stays
    order = [created["id"], "gender", "birthyear", "area", "education"]
    people.call("admin", "PUT", "/registration/fields/order", {"ids": order})
    # THEN residents see the enabled fields in that order
    public = body_of(api.get("/registration"))["fields"]
    assert [f["id"] for f in public] == [created["id"], "gender"]
    # AND a deleted field is gone from the form and the order
    people.call("admin", "DELETE", path, expect=204)
    assert [f["id"] for f in body_of(api.get("/registration"))["fields"]] == ["gender"]
    people.call("admin", "DELETE", path, expect=404)


def test_a_changed_definition_is_checked_like_a_new_one(people):
    created = people.call("admin", "POST", "/registration/fields", custom_field(), expect=201)
    path = f"/registration/fields/{created['id']}"
    one_option = {"options": [{"id": "bike", "label": {"en": "By bike"}}]}
    problem = people.call("admin", "PATCH", path, one_option, expect=422)
    assert "two options" in problem["errors"][0]["message"]
    bad = people.call(
        "admin", "POST", "/registration/fields", custom_field(type="text"), expect=422
    )
    assert bad["code"] == "validation_failed"


def test_builtin_fields_keep_their_question_and_cannot_be_deleted(people):
    relabel = {"label": {"en": "Sex"}}
    assert (
        people.call("admin", "PATCH", "/registration/fields/gender", relabel, expect=409)["code"]
        == "builtin_field"
    )
    people.call("admin", "DELETE", "/registration/fields/gender", expect=409)
    purpose = {"en": "We report participation by gender."}
    changed = people.call(
        "admin", "PATCH", "/registration/fields/gender", {"purpose": purpose, "required": True}
    )
    assert changed["purpose"] == purpose and changed["required"] is True
    # An emptied purpose falls back to the platform's default explanation.
    reset = people.call("admin", "PATCH", "/registration/fields/gender", {"purpose": None})
    assert reset["purpose"]["en"].startswith("We ask this")


def test_the_area_field_offers_the_areas_in_the_admins_order(people, api):
    north = people.call("admin", "POST", "/registration/areas", {"name": {"en": "North"}}, 201)
    south = people.call("admin", "POST", "/registration/areas", {"name": {"en": "South"}}, 201)
    people.call("admin", "PATCH", "/registration/fields/area", {"enabled": True})
    people.call("admin", "PUT", "/registration/areas/order", {"ids": [south["id"], north["id"]]})
    people.call(
        "admin", "PATCH", f"/registration/areas/{north['id']}", {"name": {"en": "North End"}}
    )
    (area,) = body_of(api.get("/registration"))["fields"]
    assert [(o["id"], o["label"]["en"]) for o in area["options"]] == [
        (south["id"], "South"),
        (north["id"], "North End"),
    ]
    assert [a["id"] for a in body_of(api.get("/registration/areas"))["items"]] == [
        south["id"],
        north["id"],
    ]
    people.call("admin", "DELETE", f"/registration/areas/{south['id']}", expect=204)
    people.call("admin", "DELETE", f"/registration/areas/{north['id']}", expect=204)
    # An area field without areas cannot be answered, so it is not asked.
    assert body_of(api.get("/registration"))["fields"] == []


def test_an_order_must_name_every_field_once(people):
    problem = people.call(
        "admin", "PUT", "/registration/fields/order", {"ids": ["gender"]}, expect=422
    )
    assert problem["errors"][0]["code"] == "order_mismatch"


def test_only_admins_manage_registration(people, api):
    people.call("ada", "GET", "/registration/fields", expect=403)
    people.call("ada", "POST", "/registration/fields", custom_field(), expect=403)
    people.call("ada", "PATCH", "/registration/fields/gender", {"enabled": True}, expect=403)
    people.call("ada", "POST", "/registration/areas", {"name": {"en": "North"}}, expect=403)
    assert api.post("/registration/areas", {"name": {"en": "North"}}).status_code == 401
