"""The Chalice package cache: keyed by its inputs, shared across stack sets, with shared/ inside."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from infra.constructs.chalice_app import PACKAGE_CONFIG, PACKAGE_STAGE
from infra.packaging import (
    ROOT,
    add_package,
    cache_root,
    inputs_hash,
    package,
    runtime_requirements,
)

pytestmark = pytest.mark.infra


def _project(tmp_path: Path) -> tuple[Path, Path]:
    functions = tmp_path / "functions"
    (functions / "chalicelib").mkdir(parents=True)
    (functions / "app.py").write_text("app = None\n")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "__init__.py").write_text("")
    return functions, shared


def test_the_hash_changes_with_any_input_and_ignores_caches(tmp_path: Path) -> None:
    # GIVEN a project and its hash
    functions, shared = _project(tmp_path)
    before = inputs_hash(functions, shared, ["a==1"], {"x": 1})

    # WHEN bytecode caches appear, nothing changes;
    # WHEN a source, a requirement or the config changes, it does
    (functions / "__pycache__").mkdir()
    (functions / "__pycache__" / "app.cpython-311.pyc").write_bytes(b"x")
    assert inputs_hash(functions, shared, ["a==1"], {"x": 1}) == before
    assert inputs_hash(functions, shared, ["a==2"], {"x": 1}) != before
    assert inputs_hash(functions, shared, ["a==1"], {"x": 2}) != before
    (shared / "model.py").write_text("X = 1\n")
    assert inputs_hash(functions, shared, ["a==1"], {"x": 1}) != before


def test_a_cached_package_is_reused_without_running_chalice(tmp_path: Path) -> None:
    # GIVEN a cache that already holds the package for these inputs
    functions, shared = _project(tmp_path)
    cache = tmp_path / "cache"
    key = inputs_hash(functions, shared, [], {"stage": "aws"})
    (cache / key / "package").mkdir(parents=True)
    (cache / key / "package" / "sam.json").write_text("{}")
    (cache / key / "package" / "deployment.zip").write_bytes(b"")

    # WHEN the package is asked for
    packaged = package(
        "aws", {}, functions_dir=functions, shared_dir=shared, requirements=[], cache=cache
    )

    # THEN the cached directory is returned (chalice would fail on this fake app)
    assert packaged.directory == cache / key / "package"


def test_builds_running_at_once_take_turns_and_build_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a Chalice build that takes a while and is slowed down to overlap
    import threading
    import time

    from chalice import api as chalice_api

    functions, shared = _project(tmp_path)
    running: list[int] = []
    overlapped: list[bool] = []
    builds: list[int] = []

    def package_app(project_dir: str, output_dir: str, **_: object) -> None:
        overlapped.append(bool(running))
        running.append(1)
        time.sleep(0.3)
        out = Path(output_dir)
        out.mkdir(parents=True)
        (out / "sam.json").write_text("{}")
        with zipfile.ZipFile(out / "deployment.zip", "w") as zipped:
            zipped.writestr("app.py", "app = None\n")
        builds.append(1)
        running.pop()

    monkeypatch.setattr(chalice_api, "package_app", package_app)
    cache = tmp_path / "cache"

    def build() -> None:
        package("aws", {}, functions_dir=functions, shared_dir=shared, requirements=[], cache=cache)

    # WHEN two builds of the same inputs start together
    threads = [threading.Thread(target=build) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # THEN they never overlapped, and the second found the first one's package
    assert overlapped == [False] and len(builds) == 1


def test_add_package_puts_the_folder_at_the_zip_root_once(tmp_path: Path) -> None:
    # GIVEN a deployment zip and a package folder
    _, shared = _project(tmp_path)
    archive = tmp_path / "deployment.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("app.py", "")

    # WHEN the folder is added, THEN it sits at the root; adding it again is refused
    add_package(archive, shared)
    assert "shared/__init__.py" in zipfile.ZipFile(archive).namelist()
    with pytest.raises(FileExistsError):
        add_package(archive, shared)


def test_requirements_come_from_pyproject_without_the_chalice_cli() -> None:
    # WHEN the runtime requirements are read
    requirements = runtime_requirements()

    # THEN they are the pinned project dependencies, minus Chalice (it bundles its runtime)
    assert requirements
    assert all("==" in r for r in requirements)
    assert not any(r.startswith("chalice") for r in requirements)


def test_the_cache_directory_is_configurable() -> None:
    assert cache_root({"TOWNHALL_BUILD_CACHE": "/tmp/x"}) == Path("/tmp/x")
    assert cache_root({"XDG_CACHE_HOME": "/c"}) == Path("/c/townhall/chalice")


def test_the_real_package_holds_the_app_shared_and_lambda_wheels(synthesis: object) -> None:
    # GIVEN the package the synthesis used (built or reused from the cache)
    packaged = package(PACKAGE_STAGE, PACKAGE_CONFIG)

    # WHEN its zip is listed
    names = set(zipfile.ZipFile(packaged.deployment_zip).namelist())

    # THEN it contains the app, the vendored shared package and manylinux binary wheels
    assert {"app.py", "chalice/app.py", "shared/__init__.py", "shared/config.py"} <= names
    assert any(n.startswith("chalicelib/") for n in names)
    assert any(n.startswith("pydantic_core/") and n.endswith("x86_64-linux-gnu.so") for n in names)
    assert (ROOT / "functions" / "vendor").exists() is False
