"""The embedded AWS stand-in: moto's threaded server and the environment for it.

Everything that talks to AWS is pointed at moto with ``AWS_ENDPOINT_URL``;
fake credentials replace any real ones so a developer's account can never be
touched by the dev runner. The environment must be in place before the
Chalice app is imported, because settings are parsed once per process.
"""

from __future__ import annotations

import json
import logging
import os
import urllib.request
from collections.abc import Mapping, MutableMapping
from pathlib import Path

from moto.server import ThreadedMotoServer

from infra.local.dynamodb_atomicity import serialise_dynamodb_requests

REGION = "eu-west-1"
_IGNORED_ENV = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")


def start_moto(port: int) -> tuple[ThreadedMotoServer, str]:
    """Start moto on 127.0.0.1 (port 0 picks a free one); return it and its endpoint URL."""
    # werkzeug logs every request at INFO, which roughly halves moto's throughput.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    serialise_dynamodb_requests()  # conditional writes atomic, as on DynamoDB
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    host, chosen = server.get_host_and_port()
    endpoint = f"http://{host}:{chosen}"
    enable_step_functions(endpoint)
    return server, endpoint


def enable_step_functions(endpoint: str) -> None:
    """Ask moto (through its public config API) to really execute state machines' ASL."""
    request = urllib.request.Request(  # noqa: S310 - our own moto on 127.0.0.1
        f"{endpoint}/moto-api/config",
        data=json.dumps({"stepfunctions": {"execute_state_machine": True}}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10):  # noqa: S310
        pass


IN_PROCESS_MOTO = "TOWNHALL_MOTO_IN_PROCESS"


def local_environment(
    endpoint: str, port: int, state_dir: Path, stage_env: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The variables the functions read, for a runner on ``port`` keeping state in ``state_dir``."""
    return {
        **dict(stage_env or {}),
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",  # moto accepts any credentials
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_XRAY_SDK_ENABLED": "false",
        "POWERTOOLS_TRACE_DISABLED": "1",
        "TOWNHALL_STAGE": "local",
        "TOWNHALL_SIGNING_KEY_SOURCE": f"file:{state_dir / 'keys' / 'signing.key'}",
        "TOWNHALL_PUBLIC_STORAGE_ENDPOINT": f"http://localhost:{port}/_storage",
        "TOWNHALL_SITE_PORT": str(port),
        # moto's server runs in this process: the mail viewer reads its SES backend directly.
        IN_PROCESS_MOTO: endpoint,
    }


def apply_environment(
    values: Mapping[str, str], env: MutableMapping[str, str] = os.environ
) -> None:
    """Install ``values``, dropping profile settings that could lead boto3 to a real account."""
    for name in _IGNORED_ENV:
        env.pop(name, None)
    env.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    env.update(values)
