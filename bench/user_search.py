"""Benchmark: finding people on a platform with 20,000 users.

Run with ``make bench``. Prints figures; it is not a test and asserts nothing.

Seeds one platform with ``USERS`` users and their word items (batch writes
through the users repository) on moto's in-process ``mock_aws``, then times,
through ``chalice.test.Client``:
- the admin user search (``GET /admin/users?q=...&limit=100``) for a rare
  surname, a common first-name prefix and an email domain, first page and
  following pages;
- @mention suggestions (``GET /mentions?q=...``) for the same kinds of words.
Then it counts the items DynamoDB reads to answer each search to its last
page, through the word index and through what the search did before it (the
whole user list, filtered while read). On AWS the reads set the latency; on
moto a Query of an index walks the whole table in Python, so the times above
grow with the table and overstate what AWS would take.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import UTC, datetime

from harness import ADMIN_TOKEN, bench_stack, call, figures_line, run_isolated, time_pages

USERS = 20_000
PAGE = 100
FIRST = ("Anna", "Marie", "Jonas", "Lotte", "Samuel", "Mei", "Sophie", "Theo", "Lena", "Noah")
LAST = ("Martin", "Bakker", "Schmidt", "Dubois", "Jansen", "Weber", "Moreau", "Visser")
SEARCHES = (("rare surname", "quillfeather"), ("common prefix", "mar"), ("domain", "example.net"))


def seed(tenant: object) -> float:
    from shared.identity.models import UserRecord
    from shared.identity.search_words import WORDS_VERSION, user_words
    from shared.identity.users import UserRepository, search_text

    repository = UserRepository(tenant)  # type: ignore[arg-type]
    rng = random.Random(7)
    now = datetime.now(UTC)
    start = time.perf_counter()
    with UserRecord.batch_write() as batch:
        for n in range(USERS):
            first = rng.choice(FIRST)
            last = "Quillfeather" if n == USERS // 2 else f"{rng.choice(LAST)}{n % 97}"
            domain = "example.net" if n % 50 == 0 else "example.org"
            email = f"{first.lower()}.{n}@{domain}"
            user = repository.new_record(
                f"{n:032x}",
                email,
                first_name=first,
                last_name=last,
                locale="en",
                password_hash="-",
                search=search_text(email, first, last),
                words_version=WORDS_VERSION,
                created_at=now,
                updated_at=now,
            )
            batch.save(user)
            for word in user_words(email, first, last):
                batch.save(repository.word_item(user.user_id, word, now))
    return time.perf_counter() - start


def items_read(tenant: object, text: str) -> tuple[int, int]:
    """Items DynamoDB reads to answer a search to its last page: (word index, filtered list).

    The word index reads the entries that start with the search's longest word
    (plus one batch read of those users a page); the filtered list, what the
    search did before the index, reads every user of the platform.
    """
    from shared.identity.models import UserRecord, UserWord
    from shared.identity.search_words import query_words

    lead = query_words(text)[0]
    index = UserWord.by_word.query(
        tenant.key("WORDS"),  # type: ignore[attr-defined]
        UserWord.word_sk.startswith(lead),
    )
    entries = sum(1 for _ in index)
    listed = UserRecord.by_email.query(
        tenant.key("USERS"),  # type: ignore[attr-defined]
        filter_condition=UserRecord.search.contains(text),
    )
    list(listed)
    return entries, listed.page_iter.total_scanned_count


def run() -> None:
    with bench_stack() as (client, tenant):
        seconds = seed(tenant)
        print(f"Seeded {USERS:,} users with their words in {seconds:.1f} s (moto, batch writes)")
        print()
        print(f"GET /admin/users?q=...&limit={PAGE}, admin (ms)")
        print(f"  {'search':<28}{'median':>9}{'p95':>9}{'items/s':>10}{'next pages':>12}")
        for label, text in SEARCHES:
            query = f"/admin/users?q={text}&limit={PAGE}"
            first, following = time_pages(
                client, query, warmup=1, requests=5, cursor_pages=2, token=ADMIN_TOKEN
            )
            found = len(call(client, "GET", query, token=ADMIN_TOKEN)["items"])
            print(figures_line(f"{label} ({found} on p.1)", PAGE, first, following))
        print()
        print("GET /mentions?q=... (ms, median of 5)")
        for label, text in (("rare surname", "quill"), ("common prefix", "ma")):
            timings = []
            for _ in range(5):
                start = time.perf_counter()
                call(client, "GET", f"/mentions?q={text}", token=ADMIN_TOKEN)
                timings.append(time.perf_counter() - start)
            print(f"  {label:<28}{statistics.median(timings) * 1000:9.1f}")
        print()
        print("Items read to answer a search to its last page")
        print(f"  {'search':<28}{'word index':>12}{'filtered list (before)':>24}")
        for label, text in SEARCHES:
            index, listed = items_read(tenant, text)
            print(f"  {label:<28}{index:>12,}{listed:>24,}")


if __name__ == "__main__":
    run_isolated(run)
