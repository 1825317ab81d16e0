"""Topics and idea statuses: public lists, admin-only changes, seeded defaults, order."""

from __future__ import annotations

from typing import Any

from tests.api.ideation.conftest import problem_fields
from tests.api.projects.conftest import Admin
from tests.conftest import body_of

LOCALES = {"en", "fr", "de", "nl", "es", "pl"}


def test_admins_manage_topics_residents_read_them(api: Any, admin: Admin) -> None:
    trees = admin.call("POST", "/topics", {"title": {"en": "Trees"}}, 201)
    parking = admin.call("POST", "/topics", {"title": {"en": "Parking"}}, 201)
    assert (trees["position"], parking["position"]) == (0, 1)

    refused = api.post("/topics", {"title": {"en": "Mine"}}, token="resident-a")
    assert refused.status_code == 403
    assert body_of(refused)["code"] == "admin_only"

    admin.call("PATCH", f"/topics/{parking['id']}", {"position": 0, "description": {"en": "Cars"}})
    admin.call("PATCH", f"/topics/{trees['id']}", {"position": 1})
    listed = body_of(api.get("/topics"))["items"]
    assert [t["title"]["en"] for t in listed] == ["Parking", "Trees"]
    assert listed[0]["description"] == {"en": "Cars"}

    admin.call("DELETE", f"/topics/{trees['id']}", expect=204)
    assert [t["id"] for t in body_of(api.get("/topics"))["items"]] == [parking["id"]]
    admin.call("PATCH", f"/topics/{trees['id']}", {"position": 3}, expect=404)


def test_a_new_platform_has_the_five_statuses_in_six_languages(api: Any) -> None:
    items = body_of(api.get("/idea-statuses"))["items"]
    assert [s["code"] for s in items] == [
        "proposed",
        "under_consideration",
        "accepted",
        "implemented",
        "rejected",
    ]
    assert all(set(s["title"]) == LOCALES and set(s["description"]) == LOCALES for s in items)
    # AND reading again seeds nothing more
    assert len(body_of(api.get("/idea-statuses"))["items"]) == 5


def test_admins_add_change_reorder_and_delete_statuses(api: Any, admin: Admin) -> None:
    created = admin.call(
        "POST",
        "/idea-statuses",
        {"code": "on_hold", "title": {"en": "On hold"}, "color": "#AABBCC"},
        201,
    )
    assert (created["id"], created["color"], created["position"]) == ("on_hold", "#aabbcc", 5)
    taken = api.post(
        "/idea-statuses",
        {"code": "on_hold", "title": {"en": "Again"}, "color": "#000000"},
        token="admin-a",
    )
    assert taken.status_code == 409
    assert body_of(taken)["code"] == "status_code_taken"

    admin.call("PATCH", "/idea-statuses/accepted", {"color": "#00ff00"})
    order = ["on_hold", "rejected", "implemented", "accepted", "under_consideration", "proposed"]
    admin.call("PUT", "/idea-statuses/order", {"ids": order})
    listed = body_of(api.get("/idea-statuses"))["items"]
    assert [s["id"] for s in listed] == order
    assert listed[3]["color"] == "#00ff00"

    admin.call("DELETE", "/idea-statuses/rejected", expect=204)
    # THEN a deleted default never comes back
    assert "rejected" not in [s["id"] for s in body_of(api.get("/idea-statuses"))["items"]]


def test_a_reorder_must_name_every_status_once(api: Any, admin: Admin) -> None:
    response = api.put("/idea-statuses/order", {"ids": ["proposed"]}, token="admin-a")
    assert response.status_code == 422
    assert problem_fields(response) == {"ids": "order_mismatch"}


def test_a_bad_colour_or_code_is_refused(api: Any, admin: Admin) -> None:
    response = api.post(
        "/idea-statuses",
        {"code": "Bad Code", "title": {"en": "x"}, "color": "red"},
        token="admin-a",
    )
    assert response.status_code == 422
    assert {"code", "color"} <= set(problem_fields(response))


def test_residents_cannot_change_statuses(api: Any, admin: Admin) -> None:
    response = api.patch("/idea-statuses/proposed", {"color": "#000000"}, token="resident-a")
    assert response.status_code == 403
