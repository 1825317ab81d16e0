"""Start and stop the real dev runner (``python -m infra.local.runner``) on free ports.

Used by the runner test and the browser tests: a subprocess with a clean
environment (no AWS_ or TOWNHALL_ variables leak in), polled until
``/api/v1/health`` answers, stopped with SIGINT like Ctrl-C.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 180  # the first start seeds two platforms; under coverage that is slow
STOP_SECONDS = 30
READY_LINE = "Press Ctrl-C to stop"
LOG_TAIL_LINES = 80


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Runner:
    process: subprocess.Popen[str]
    port: int
    log: Path

    @property
    def base(self) -> str:
        return f"http://localhost:{self.port}"

    def output(self) -> str:
        return self.log.read_text()

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        """The end of the runner's log: its workers' warnings say why an event was late."""
        return "\n".join(self.output().splitlines()[-lines:])

    def stop(self) -> int:
        """Stop like Ctrl-C; return the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


def start_runner(state_dir: Path, log: Path, *, seed: bool = True) -> Runner:
    """Start the runner on a free port and wait until it is healthy."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "TOWNHALL_"))}
    command = [
        sys.executable,
        "-m",
        "infra.local.runner",
        "--port",
        str(port),
        "--state-dir",
        str(state_dir),
    ]
    if not seed:
        command.append("--no-seed")
    handle = log.open("w")
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, text=True
    )
    runner = Runner(process, port, log)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"runner exited early:\n{runner.output()}")
        try:
            healthy = requests.get(f"{runner.base}/api/v1/health", timeout=2).status_code == 200
            if healthy and READY_LINE in runner.output():  # the banner follows the first answer
                return runner
        except requests.RequestException:
            pass  # still seeding or restoring: the port is bound, requests wait
        time.sleep(0.2)
    process.kill()
    raise AssertionError(f"runner did not become healthy in {START_SECONDS}s:\n{runner.output()}")
