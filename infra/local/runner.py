"""The dev runner behind ``make run``: the whole platform on one local origin.

``python -m infra.local.runner [--port 8000] [--moto-port 0] [--oidc-port 0] [--state-dir .local] [--no-seed]``

It starts moto's server, points every AWS client at it, creates the
resources from the same definitions the CDK app uses, restores the last
snapshot (or seeds the demo platforms on first start), then serves the API,
the built frontend and storage on ``http://localhost:<port>``, pumps events
from the consumers' queues into the Chalice handlers, and snapshots all
data every 30 seconds and on Ctrl-C / SIGTERM before exiting cleanly.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from infra.local import front, stack
from infra.local.snapshot import SnapshotError, Snapshotter

ROOT = Path(__file__).resolve().parents[2]
FUNCTIONS_DIR = ROOT / "functions"
FRONTEND_DIST = ROOT / "frontend" / "dist"
SNAPSHOT_FILE = "snapshot.json.gz"
SNAPSHOT_SECONDS = 30.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m infra.local.runner", description="Serve Townhall on the embedded stack."
    )
    parser.add_argument("--port", type=int, default=8000, help="front server port (0: any free)")
    parser.add_argument("--moto-port", type=int, default=0, help="moto server port (0: any free)")
    parser.add_argument(
        "--oidc-port", type=int, default=0, help="local OpenID Connect provider port (0: any free)"
    )
    parser.add_argument("--state-dir", type=Path, default=Path(".local"), help="keys + snapshot")
    parser.add_argument("--no-seed", action="store_true", help="do not seed the demo platforms")
    parser.add_argument(
        "--schedule-seconds",
        type=float,
        default=3600.0,
        help="how often scheduled jobs run locally, whatever their cron says",
    )
    return parser.parse_args(argv)


def say(message: str) -> None:
    print(message, flush=True)


def _stage_environment() -> dict[str, str]:
    """The ``local`` stage's variables from ``functions/.chalice/config.json``."""
    from chalice.cli.factory import CLIFactory

    config = CLIFactory(str(FUNCTIONS_DIR)).create_config_obj(chalice_stage_name="local")
    return dict(config.scope("local", "api_handler").environment_variables)


def _chalice_app() -> tuple[Any, Any]:
    """Import the app (only once the environment is set) and its local-stage config."""
    from chalice.cli.factory import CLIFactory

    if str(FUNCTIONS_DIR) not in sys.path:
        sys.path.insert(0, str(FUNCTIONS_DIR))
    import app as app_module

    config = CLIFactory(str(FUNCTIONS_DIR)).create_config_obj(chalice_stage_name="local")
    return app_module.app, config


class StartError(RuntimeError):
    """The runner cannot start; the message says what to do."""


@dataclass
class Running:
    """The threads and servers of one run, for an orderly stop."""

    moto: Any
    servers: list[Any]
    threads: list[threading.Thread]
    workers: list[threading.Thread]
    snapshotter: Snapshotter
    stop: threading.Event
    provider: Any = None


def _load_state(snapshotter: Snapshotter, no_seed: bool) -> bool:
    """Restore the snapshot or seed the demo; True if a snapshot was restored."""
    from infra.local import seed
    from infra.local.snapshot import read, restore

    if snapshotter.path.exists():
        counts = restore(
            read(snapshotter.path), snapshotter.dynamodb, snapshotter.s3, snapshotter.secretsmanager
        )
        snapshotter.mark_saved()
        say(
            f"Restored {counts['items']} items and {counts['objects']} files "
            f"from {snapshotter.path}"
        )
        return True
    if not no_seed:
        say("First start: seeding the demo platforms ...")
        seed.seed_demo()
        snapshotter.save()
    return False


def _serve_workflow_tasks(app: Any, names: Any) -> None:
    """Workflows' Lambda tasks run the app's functions in this process (moto has no Lambda)."""
    from infra.local import sfn_lambda
    from infra.workflows import function_name

    sfn_lambda.install(sfn_lambda.chalice_handlers(app, lambda name: function_name(names, name)))


def start(options: argparse.Namespace) -> tuple[Running, int]:
    """Bring everything up; return the running parts and the front server's port."""
    state_dir = options.state_dir.resolve()
    (state_dir / "keys").mkdir(parents=True, exist_ok=True)
    handler = front.make_handler()
    try:
        servers = front.bind(options.port, handler)
    except OSError as error:
        raise StartError(
            f"Cannot listen on port {options.port} ({error.strerror}); "
            "is another runner still running? Pass --port to use another one."
        ) from error
    moto, endpoint = stack.start_moto(options.moto_port)
    port = servers[0].server_address[1]
    stack.apply_environment(
        stack.local_environment(endpoint, port, state_dir, _stage_environment())
    )

    app, config = _chalice_app()
    from chalicelib import runtime
    from infra.local.api_gateway import ApiGateway
    from infra.local.pump import EventPump
    from infra.local.resources import create_all
    from infra.local.scheduler import LocalScheduler
    from infra.local.static_site import StaticSite
    from infra.local.storage_proxy import StorageProxy

    runtime.reset()
    _serve_workflow_tasks(app, runtime.settings().names)
    origins = [f"http://localhost:{port}", f"http://127.0.0.1:{port}"]
    queue_urls = create_all(runtime.settings(), runtime.client, origins)
    snapshotter = Snapshotter(
        state_dir / SNAPSHOT_FILE,
        runtime.client("dynamodb"),
        runtime.client("s3"),
        SNAPSHOT_SECONDS,
        on_error=lambda error: say(f"Snapshot failed (will retry): {error}"),
        secretsmanager=runtime.client("secretsmanager"),
    )
    restored = _load_state(snapshotter, options.no_seed)
    provider = _start_provider(options.oidc_port, port)

    moto_host, moto_port = moto.get_host_and_port()
    handler.routes = front.Routes(
        api=ApiGateway(app, config),
        site=StaticSite(FRONTEND_DIST),
        storage=StorageProxy(moto_host, moto_port),
        storage_origins=origins,
    )
    stop = threading.Event()
    pump = EventPump(app, runtime.client("sqs"), queue_urls, runtime.settings().region)
    scheduler = LocalScheduler(
        runtime.client("events"), runtime.settings().names.event_bus, options.schedule_seconds
    )
    if restored:  # a snapshot of an older version may lack derived data (indexes, keys)
        scheduler.upgrade_data()
    workers = [
        threading.Thread(target=pump.run_forever, args=(stop,), name="event-pump", daemon=True),
        threading.Thread(target=scheduler.run_forever, args=(stop,), name="scheduler", daemon=True),
        threading.Thread(
            target=snapshotter.run_periodically, args=(stop,), name="snapshots", daemon=True
        ),
    ]
    for worker in workers:
        worker.start()
    threads = front.serve(servers)
    return Running(moto, servers, threads, workers, snapshotter, stop, provider), port


def _start_provider(oidc_port: int, site_port: int) -> Any:
    """The local OpenID Connect provider, with every demo platform registered and pointed at it."""
    from infra.local.demo_verification import use_local_provider
    from infra.local.oidc_provider import LocalProvider

    try:
        provider = LocalProvider(port=oidc_port).start()
    except OSError as error:
        raise StartError(
            f"Cannot listen on port {oidc_port} for the local identity provider "
            f"({error.strerror}); pass --oidc-port to use another one."
        ) from error
    use_local_provider(provider, site_port)
    return provider


def _banner(port: int, frontend_built: bool, provider: Any = None) -> None:
    from infra.local import seed
    from infra.local.demo_verification import printed_codes

    say("")
    say(f"Townhall is running at http://localhost:{port} (API at /api/v1/)")
    say(f"  second platform:   http://127.0.0.1:{port}")
    if not frontend_built:
        say(f"  frontend not built: {FRONTEND_DIST / 'index.html'} is missing; run `make frontend`")
    for login in seed.existing_logins():
        say(f"  {login.platform:<10} {login.role:<9} {login.email:<32} password: {login.password}")
    if provider is not None:
        say(f"  local identity provider (sign in or verify with 'Local ID'): {provider.issuer}")
    codes = printed_codes()
    if codes:
        say("  verification codes (each verifies one account, once):")
        for host in dict.fromkeys(host for host, _ in codes):
            say(f"  {host:<10} " + " ".join(code for h, code in codes if h == host))
    say("Press Ctrl-C to stop (data is kept in the state directory).")


def stop_all(running: Running) -> None:
    """Stop taking requests, finish the workers, save a final snapshot, stop moto."""
    front.shutdown(running.servers, running.threads)
    running.stop.set()
    for worker in running.workers:
        worker.join(timeout=15)
    if running.provider is not None:
        running.provider.stop()
    try:
        running.snapshotter.save()
    finally:
        running.moto.stop()


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    stop_requested = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop_requested.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        running, port = start(options)
    except (StartError, SnapshotError) as error:
        say(f"Townhall did not start: {error}")
        return 1
    _banner(port, (FRONTEND_DIST / "index.html").is_file(), running.provider)
    while not stop_requested.wait(1.0):
        pass
    say("Stopping: saving a final snapshot ...")
    stop_all(running)
    say(f"Stopped. State saved in {running.snapshotter.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
