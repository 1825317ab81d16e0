"""Per-cold-start wiring: settings, AWS clients and shared services.

Everything here is built once per process on first use and can be reset by
tests (:func:`reset`). Domain blueprints build their own services with the
:func:`cached` decorator on top of these.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any, TypeVar

import boto3
from botocore.config import Config

from shared.config import Settings
from shared.db.registry import bind_models
from shared.events import EventBridgePublisher, EventPublisher
from shared.tenancy.service import PlatformService
from shared.uploads import UploadService

T = TypeVar("T")
_RESETTABLE: list[Any] = []

ENV_PUBLIC_STORAGE_ENDPOINT = "TOWNHALL_PUBLIC_STORAGE_ENDPOINT"


def cached(fn: Callable[[], T]) -> Callable[[], T]:
    """Build a process-wide singleton lazily; :func:`reset` clears it."""
    wrapped = functools.cache(fn)
    _RESETTABLE.append(wrapped)
    return wrapped


def reset() -> None:
    """Forget every singleton (tests switch settings and mocks between cases)."""
    for fn in _RESETTABLE:
        fn.cache_clear()


@cached
def settings() -> Settings:
    loaded = Settings.from_env(os.environ)
    bind_models(loaded)
    return loaded


def client(service: str, endpoint_url: str | None = None) -> Any:
    current = settings()
    return _client(service, endpoint_url or current.endpoint_url, current.region)


@functools.cache
def _client(service: str, endpoint_url: str | None, region: str) -> Any:
    config = Config(
        retries={"mode": "standard", "max_attempts": 3},
        signature_version="s3v4" if service == "s3" else None,
    )
    return boto3.client(service, region_name=region, endpoint_url=endpoint_url, config=config)


_RESETTABLE.append(_client)


@cached
def publisher() -> EventPublisher:
    return EventBridgePublisher(client("events"), settings().names.event_bus)


@cached
def uploads() -> UploadService:
    public_endpoint = os.environ.get(ENV_PUBLIC_STORAGE_ENDPOINT)
    presign = client("s3", public_endpoint) if public_endpoint else None
    return UploadService(client("s3"), settings().names.bucket("uploads"), presign)


@cached
def platforms() -> PlatformService:
    return PlatformService(logo_url=uploads().download_url)
