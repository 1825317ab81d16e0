"""A phase's ideas: sort orders, random stability, filters, search, pagination and pins."""

from __future__ import annotations

from typing import Any

from shared.db.pagination import encode_cursor
from shared.ideation.repository import IdeaRepository
from shared.ideation.search import SearchIndex
from shared.tenancy import TenantContext
from tests.api.ideation.conftest import Ideas
from tests.conftest import HOST_A, body_of

TENANT = TenantContext("alpha", HOST_A)


def _ids(page: dict[str, Any]) -> list[str]:
    return [card["id"] for card in page["items"]]


def _all_pages(ideas: Ideas, **query: Any) -> list[str]:
    seen: list[str] = []
    cursor = None
    while True:
        page = ideas.list(**query, **({"cursor": cursor} if cursor else {}))
        seen += _ids(page)
        cursor = page["next_cursor"]
        if not cursor:
            return seen


def _post_many(ideas: Ideas, count: int) -> list[str]:
    return [ideas.idea(title={"en": f"Idea {n}"})["id"] for n in range(count)]


def test_newest_first_and_most_liked_first(ideas: Ideas) -> None:
    # GIVEN three ideas, the oldest with the most likes (as the worker would count them)
    first, second, third = _post_many(ideas, 3)
    repo = IdeaRepository(TENANT)
    assert repo.apply_counts(first, likes=5, dislikes=0, comments=0)
    assert repo.apply_counts(second, likes=2, dislikes=0, comments=1)

    # THEN newest lists by creation, most_liked by likes
    assert _ids(ideas.list(sort="newest")) == [third, second, first]
    assert _ids(ideas.list(sort="most_liked")) == [first, second, third]
    # AND the cards carry the counts
    card = ideas.list(sort="most_liked")["items"][0]
    assert (card["likes"], card["comments"]) == (5, 0)


def test_trending_rises_with_activity(ideas: Ideas) -> None:
    older, newer = _post_many(ideas, 2)
    assert _ids(ideas.list(sort="trending")) == [newer, older]
    IdeaRepository(TENANT).apply_counts(older, likes=100, dislikes=0, comments=20)
    assert _ids(ideas.list(sort="trending")) == [older, newer]


def test_recounting_twice_is_idempotent_and_never_resurrects(ideas: Ideas, api: Any) -> None:
    idea = ideas.idea()["id"]
    repo = IdeaRepository(TENANT)
    assert repo.apply_counts(idea, 3, 1, 2) and repo.apply_counts(idea, 3, 1, 2)
    shown = body_of(api.get(f"/ideas/{idea}"))
    assert (shown["likes"], shown["dislikes"], shown["comments"]) == (3, 1, 2)
    api.delete(f"/ideas/{idea}", token="resident-a")
    assert repo.apply_counts(idea, 4, 0, 0) is False
    assert repo.get(idea) is None


def _cyclic_triples(order: list[str]) -> set[tuple[str, str, str]]:
    """Every triple of ``order`` written from its smallest id, in the order it comes.

    A rotation of a sequence keeps every triple's cyclic order; any other change of
    relative order turns at least one triple around.
    """
    triples = set()
    for i, a in enumerate(order):
        for j in range(i + 1, len(order)):
            for c in order[j + 1 :]:
                triple = (a, order[j], c)
                first = triple.index(min(triple))
                triples.add(triple[first:] + triple[:first])
    return triples


def test_random_is_stable_per_seed_whatever_the_page_size(ideas: Ideas) -> None:
    posted = set(_post_many(ideas, 13))
    # WHEN the same seed is read twice in pages of five, then in pages of three and of 50
    first = _all_pages(ideas, sort="random", seed="visitor-1", limit=5)
    # THEN it is the same order every time, every idea exactly once
    assert sorted(first) == sorted(posted)
    assert _all_pages(ideas, sort="random", seed="visitor-1", limit=5) == first
    assert _all_pages(ideas, sort="random", seed="visitor-1", limit=3) == first
    assert _all_pages(ideas, sort="random", seed="visitor-1", limit=50) == first


def test_seeds_give_different_orders_not_rotations_of_one(ideas: Ideas) -> None:
    posted = set(_post_many(ideas, 12))
    first = _all_pages(ideas, sort="random", seed="visitor-1", limit=50)
    # A single shuffled ring read from different starts only rotates one cycle; the
    # seed's arcs must reorder ideas (five seeds: no luck involved in "at least one").
    others = [_all_pages(ideas, sort="random", seed=f"visitor-{n}", limit=50) for n in range(2, 7)]
    assert all(sorted(other) == sorted(posted) for other in others)
    assert any(_cyclic_triples(other) != _cyclic_triples(first) for other in others)


def test_random_with_a_filter_and_a_search_pages_the_same_matches_in_one_order(
    ideas: Ideas,
) -> None:
    # GIVEN ideas on a topic and others, all matching one word
    trees = ideas.topic("Trees")
    ideas.form(topic_ids=[trees])
    index = SearchIndex()
    leafy = {ideas.idea(title={"en": f"Bench {n}"}, topic_ids=[trees])["id"] for n in range(7)}
    others = {ideas.idea(title={"en": f"Bench {n}"})["id"] for n in range(5)}
    for idea_id in leafy | others:
        index.reindex(TENANT, idea_id)
    # WHEN the topic is read in random order, in pages of two and in one page
    filtered = _all_pages(ideas, sort="random", seed="visitor-1", topic=trees, limit=2)
    # THEN every matching idea comes once, in the same order whatever the page size
    assert sorted(filtered) == sorted(leafy)
    assert _all_pages(ideas, sort="random", seed="visitor-1", topic=trees, limit=50) == filtered
    # AND a search that matches them all orders them (in memory) exactly as the index does
    searched = _all_pages(ideas, sort="random", seed="visitor-1", topic=trees, q="bench", limit=3)
    assert searched == filtered


def test_a_random_cursor_must_hold_keys_of_its_own_arcs(ideas: Ideas, api: Any) -> None:
    _post_many(ideas, 4)
    newest = ideas.list(sort="newest", limit=2)["next_cursor"]
    outside = encode_cursor({"turn": {"N": "0"}, "arc0": {"S": "zz#nope"}})
    too_far = encode_cursor({"turn": {"N": "9"}})
    for cursor in (newest, outside, too_far):
        response = api.get(f"{ideas.path()}?sort=random&seed=s&cursor={cursor}", host=HOST_A)
        assert response.status_code == 422
        assert body_of(response)["errors"][0]["code"] == "invalid_cursor"


def test_cursor_pages_cover_every_idea_once(ideas: Ideas) -> None:
    posted = _post_many(ideas, 7)
    pages = [ideas.list(sort="newest", limit=3)]
    while pages[-1]["next_cursor"]:
        pages.append(ideas.list(sort="newest", limit=3, cursor=pages[-1]["next_cursor"]))
    assert [len(p["items"]) for p in pages] == [3, 3, 1]
    assert [i for p in pages for i in _ids(p)] == list(reversed(posted))


def test_a_forged_cursor_is_refused(ideas: Ideas, api: Any) -> None:
    response = api.get(f"{ideas.path()}?cursor=bm9wZQ")
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["code"] == "invalid_cursor"


def test_filter_by_topic_and_status(ideas: Ideas, api: Any) -> None:
    trees, parking = ideas.topic("Trees"), ideas.topic("Parking")
    ideas.form(topic_ids=[trees, parking])
    shady = ideas.idea(topic_ids=[trees])["id"]
    cars = ideas.idea(topic_ids=[parking])["id"]
    manager = ideas.tokens.project_manager(ideas.project_id)
    api.put(f"/ideas/{cars}/status", {"status_id": "rejected"}, token=manager)

    assert _ids(ideas.list(topic=trees)) == [shady]
    assert _ids(ideas.list(status="rejected")) == [cars]
    assert _ids(ideas.list(topic=trees, status="rejected")) == []
    assert ideas.list(status="rejected")["items"][0]["status"]["color"] == "#c53030"


def test_search_finds_ideas_by_word_prefixes(ideas: Ideas) -> None:
    index = SearchIndex()
    bikes = ideas.idea(title={"en": "Bike lanes"}, body={"en": "<p>Safer cycling to school</p>"})
    trees = ideas.idea(title={"en": "Plant trees"}, body={"en": "<p>Shade for the école</p>"})
    for idea in (bikes, trees):
        index.reindex(TENANT, idea["id"])

    assert _ids(ideas.list(q="bik")) == [bikes["id"]]
    assert _ids(ideas.list(q="SCHOOL cycling")) == [bikes["id"]]
    assert _ids(ideas.list(q="ecole")) == [trees["id"]]
    assert _ids(ideas.list(q="bike shade")) == []


def test_search_follows_edits_and_deletions(ideas: Ideas, api: Any) -> None:
    index = SearchIndex()
    idea = ideas.idea(title={"en": "Bike lanes"})
    index.reindex(TENANT, idea["id"])
    api.patch(f"/ideas/{idea['id']}", {"title": {"en": "Bus stops"}}, token="resident-a")
    index.reindex(TENANT, idea["id"])
    index.reindex(TENANT, idea["id"])  # a duplicate delivery changes nothing
    assert _ids(ideas.list(q="bike")) == []
    assert _ids(ideas.list(q="bus")) == [idea["id"]]
    api.delete(f"/ideas/{idea['id']}", token="resident-a")
    index.remove(TENANT, idea["id"])
    assert _ids(ideas.list(q="bus")) == []


def test_search_results_page_in_the_chosen_order(ideas: Ideas) -> None:
    index = SearchIndex()
    posted = [ideas.idea(title={"en": f"Bench {n}"})["id"] for n in range(5)]
    for idea_id in posted:
        index.reindex(TENANT, idea_id)
    assert _all_pages(ideas, q="bench", sort="newest", limit=2) == list(reversed(posted))


def test_pins_list_located_ideas_with_their_status_colour(ideas: Ideas, api: Any) -> None:
    located = ideas.idea(location={"lat": 48.85, "lng": 2.35})
    ideas.idea()
    manager = ideas.tokens.project_manager(ideas.project_id)
    api.put(f"/ideas/{located['id']}/status", {"status_id": "accepted"}, token=manager)
    pins = body_of(api.get(f"/projects/{ideas.project_id}/phases/{ideas.phase_id}/idea-pins"))
    assert pins["items"] == [
        {
            "id": located["id"],
            "title": located["title"],
            "lat": 48.85,
            "lng": 2.35,
            "status_color": "#2f855a",
        }
    ]


def _pin_ids(ideas: Ideas, api: Any, **query: Any) -> list[str]:
    params = "&".join(f"{k}={v}" for k, v in query.items())
    path = f"/projects/{ideas.project_id}/phases/{ideas.phase_id}/idea-pins?{params}"
    response = api.get(path, host=HOST_A)
    assert response.status_code == 200, body_of(response)
    return [pin["id"] for pin in body_of(response)["items"]]


def test_pins_follow_the_lists_topic_status_and_search_filters(ideas: Ideas, api: Any) -> None:
    # GIVEN located ideas on two topics, one of them rejected, and one idea without a pin
    trees, parking = ideas.topic("Trees"), ideas.topic("Parking")
    ideas.form(topic_ids=[trees, parking])
    here = {"lat": 50.85, "lng": 4.35}
    oaks = ideas.idea(title={"en": "Plant oaks"}, topic_ids=[trees], location=here)["id"]
    lime = ideas.idea(title={"en": "Plant limes"}, topic_ids=[trees], location=here)["id"]
    cars = ideas.idea(title={"en": "Car park"}, topic_ids=[parking], location=here)["id"]
    unpinned = ideas.idea(title={"en": "Plant more"}, topic_ids=[trees])["id"]
    manager = ideas.tokens.project_manager(ideas.project_id)
    api.put(f"/ideas/{lime}/status", {"status_id": "rejected"}, token=manager)
    index = SearchIndex()
    for idea_id in (oaks, lime, cars, unpinned):
        index.reindex(TENANT, idea_id)

    # WHEN the map asks with the list's filters THEN it gets the located ideas the list shows
    assert sorted(_pin_ids(ideas, api)) == sorted([oaks, lime, cars])
    assert sorted(_pin_ids(ideas, api, topic=trees)) == sorted([oaks, lime])
    assert _pin_ids(ideas, api, status="rejected") == [lime]
    assert _pin_ids(ideas, api, topic=parking, status="rejected") == []
    assert sorted(_pin_ids(ideas, api, q="plant")) == sorted([oaks, lime])
    assert _pin_ids(ideas, api, q="plant", status="rejected") == [lime]
    assert _pin_ids(ideas, api, q="oak", topic=trees) == [oaks]
    # AND the list with the same filters holds the same ideas, plus the one without a pin
    assert sorted(_ids(ideas.list(q="plant", topic=trees))) == sorted([oaks, lime, unpinned])


def test_pins_refuse_the_lists_unknown_parameters(ideas: Ideas, api: Any) -> None:
    path = f"/projects/{ideas.project_id}/phases/{ideas.phase_id}/idea-pins?colour=red"
    response = api.get(path, host=HOST_A)
    assert response.status_code == 422


def test_the_project_slug_works_in_place_of_its_id(ideas: Ideas, api: Any) -> None:
    idea = ideas.idea()
    slug = ideas.project["slug"]
    page = body_of(api.get(f"/projects/{slug}/phases/{ideas.phase_id}/ideas"))
    assert _ids(page) == [idea["id"]]
