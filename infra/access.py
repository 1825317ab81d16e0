"""What each worker function may touch: the input to its least-privilege role.

The API handler serves every domain and gets every table and bucket; a
worker gets only what is declared here. A Chalice ``lambda_function``
without an entry fails synthesis, so a new worker cannot ship with a role
nobody thought about.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WorkerAccess:
    """Resources a worker may use, by logical name (see ``shared.resources``)."""

    read_tables: tuple[str, ...] = ()
    write_tables: tuple[str, ...] = ()
    read_buckets: tuple[str, ...] = ()
    write_buckets: tuple[str, ...] = ()
    publish_events: bool = False
    send_email: bool = False
    read_signing_key: bool = False
    start_workflows: tuple[str, ...] = ()
    # Listing keys (a person's uploads), and erasing every version of objects.
    list_buckets: tuple[str, ...] = ()
    erase_buckets: tuple[str, ...] = ()


WORKERS: dict[str, WorkerAccess] = {
    # Smart-group memberships and member counts (groups table) from users' records (users)
    # and where they took part: ideas for an input's project, topics, status and author.
    "groups_worker": WorkerAccess(read_tables=("users", "ideas"), write_tables=("groups",)),
    # Renders and sends transactional email (SES v2): reads the platform for branding and
    # locale, claims each event in the delivery ledger so a redelivery never mails twice.
    "mailer_worker": WorkerAccess(
        read_tables=("platforms",), write_tables=("mail_deliveries",), send_email=True
    ),
    # Recounts a comment's likes from its like items and writes the count (and the
    # thread's most-liked sort key) on the comment: the discussion table alone.
    "discussion_worker": WorkerAccess(read_tables=("discussion",), write_tables=("discussion",)),
    # Auto-follows and in-app notifications (notifications table), targets' titles through
    # the target registry (ideas, projects), the quoted comment (discussion), recipients and
    # branding host (users, platforms); emails are requested on the bus, unsubscribe tokens
    # are signed with the platform key.
    "notifier_worker": WorkerAccess(
        read_tables=("notifications", "ideas", "projects", "discussion", "users", "platforms"),
        write_tables=("notifications",),
        publish_events=True,
        read_signing_key=True,
    ),
    # Derived data of ideas: mirrors ballots into the reaction index, recounts likes and
    # comments (discussion read), reindexes search words (ideas table), and writes resized
    # image variants next to the originals in the uploads bucket.
    "ideation_worker": WorkerAccess(
        read_tables=("ideas", "discussion"),
        write_tables=("ideas",),
        read_buckets=("uploads",),
        write_buckets=("uploads",),
    ),
    # Rebuilds a phase's (or a tenant's) reaction index and counts from the ballots; finds
    # a tenant's ideation phases in the projects' timelines; the nightly job lists every
    # platform in the registry.
    "ideation_reconcile": WorkerAccess(
        read_tables=("ideas", "discussion", "projects", "platforms"), write_tables=("ideas",)
    ),
    # The moderation queue: derives activity items (moderation table) from ideas and
    # comments (through the target registry: ideas, projects) and report items, and
    # writes the derived report count onto ideas.
    "moderation_worker": WorkerAccess(
        read_tables=("moderation", "ideas", "discussion", "projects"),
        write_tables=("moderation", "ideas"),
    ),
    # The admins' daily digest: every platform (registry, and its host for the link), what
    # awaits review (moderation table), the admins (users) and project titles (projects);
    # the emails are requested on the bus.
    "moderation_digest": WorkerAccess(
        read_tables=("platforms", "moderation", "users", "projects"), publish_events=True
    ),
    # The nightly user-word indexing: every platform (registry), its users and their word
    # items (users table).
    "user_words": WorkerAccess(read_tables=("platforms", "users"), write_tables=("users",)),
    # The input_export workflow's task: its job (exports table), the rows of the input
    # manager (ideas, projects for titles and access, users for names and the owner's current
    # roles, platforms for the language and site host), the file in the exports bucket
    # (multipart upload, abort of an interrupted attempt's parts).
    "export_worker": WorkerAccess(
        read_tables=("exports", "ideas", "projects", "users", "platforms"),
        write_tables=("exports",),
        write_buckets=("exports",),
    ),
    # The personal_data_export workflow's task: every personal-data provider reads its
    # domain's tables (users, ideas with projects for the ideation phases, discussion,
    # notifications, groups, moderation), the job (exports table), the platform's name and
    # host; the person's uploads are listed and copied into the zip (uploads bucket, read)
    # streamed into the exports bucket; the "ready" email is requested on the bus.
    "personal_data_worker": WorkerAccess(
        read_tables=(
            "users",
            "ideas",
            "projects",
            "discussion",
            "notifications",
            "groups",
            "moderation",
            "exports",
            "platforms",
        ),
        write_tables=("exports",),
        read_buckets=("uploads",),
        list_buckets=("uploads",),
        write_buckets=("exports",),
        publish_events=True,
    ),
    # The account_deletion workflow's task: every provider's eraser deletes or anonymises
    # the person's items in its domain's tables (projects read for the ideation phases),
    # erases every version of their uploads and archives, and announces each change (and
    # identity.user.deleted) on the bus so the workers recount.
    "account_deletion_worker": WorkerAccess(
        read_tables=("projects", "platforms"),
        write_tables=(
            "users",
            "auth",
            "ideas",
            "discussion",
            "notifications",
            "groups",
            "moderation",
            "verification",
            "exports",
        ),
        erase_buckets=("uploads", "exports"),
        publish_events=True,
    ),
}


class UndeclaredWorkerError(LookupError):
    """A Chalice lambda_function has no entry in :data:`WORKERS`."""

    def __init__(self, function: str) -> None:
        super().__init__(
            f"the Chalice function {function!r} has no WorkerAccess in infra/access.py; "
            "declare what it may touch"
        )
        self.function = function


def access_for(function: str, workers: dict[str, WorkerAccess] | None = None) -> WorkerAccess:
    declared = WORKERS if workers is None else workers
    if function not in declared:
        raise UndeclaredWorkerError(function)
    return declared[function]
