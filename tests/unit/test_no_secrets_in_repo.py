"""No secret is committed: keys come from a local key file or Secrets Manager.

Scans every file git tracks for the shapes real secrets take (private keys,
AWS access keys, secret keys and tokens assigned in code) and checks that the
local stack's key and snapshot folder is ignored.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "AWS secret access key": re.compile(
        r"aws_secret_access_key\s*[=:]\s*['\"]?(?!testing\b)[A-Za-z0-9/+]{40}", re.IGNORECASE
    ),
    "JWT": re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
}
SKIP_SUFFIXES = (".png", ".jpg", ".jpeg", ".ico", ".woff", ".woff2", ".gz", ".lock")


def _tracked_files() -> list[Path]:
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [
        ROOT / name for name in listing.split("\0") if name and not name.endswith(SKIP_SUFFIXES)
    ]


def test_no_tracked_file_holds_a_secret():
    findings = []
    for path in _tracked_files():
        if not path.is_file():
            continue
        text = path.read_text(errors="ignore")
        findings += [
            f"{path.relative_to(ROOT)}: {kind}" for kind, p in PATTERNS.items() if p.search(text)
        ]
    assert not findings, (
        "secrets must come from Secrets Manager or a local key file:\n" + "\n".join(findings)
    )


def test_the_scan_recognises_a_secret():
    # built from parts, so that this file does not trip its own scan
    assert PATTERNS["private key"].search("-----BEGIN " + "PRIVATE KEY-----")
    assert PATTERNS["AWS access key id"].search("key = AKIA" + "ABCDEFGHIJKLMNOP")


def test_local_keys_and_state_are_never_committed():
    ignored = subprocess.run(
        ["git", "check-ignore", ".local/keys/signing.key", ".local/snapshot.json.gz"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ignored.stdout.split() == [".local/keys/signing.key", ".local/snapshot.json.gz"]
