"""Build the Chalice deployment package once per set of inputs, and reuse it.

``chalice package`` downloads Lambda-platform (manylinux x86_64) wheels for
every requirement, which takes minutes. The CDK app synthesises four or more
stacks sets (region x stage) and the tests do so on every run, so the
package is built into a cache directory keyed by a hash of everything that
goes into it (the Chalice project, the ``shared`` package, the pinned
requirements, the Chalice and Python versions, and the stage
configuration) and reused while none of them change.

The Chalice project (``functions/``) imports ``shared`` from the repository
root. The build copies the project into the cache, writes its
``requirements.txt`` from ``pyproject.toml``, lets Chalice package it, and
then adds ``shared/`` at the root of the zip. ``shared`` is added after
Chalice rather than through Chalice's ``vendor/`` folder because Chalice keys
its cache of downloaded wheels on the vendor folder's contents: vendoring
``shared`` would re-download every wheel on each change to the domain code.
The wheel cache (``deployments/``) is shared by every build with the same
requirements. Chalice writes its zips there in place, so a second build
running at the same time (two test workers, two checkouts) could take a half
written zip for a finished one: builds hold a lock on the cache directory,
and a build that waited for it first looks whether the package is there now.
Nothing generated is ever written into the source tree.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from filelock import FileLock

ROOT = Path(__file__).resolve().parents[1]
ENV_CACHE_DIR = "TOWNHALL_BUILD_CACHE"
PACKAGE_FORMAT_VERSION = "1"

# Chalice bundles its own runtime module into every package; the rest of the
# CLI is not needed in Lambda.
_NOT_SHIPPED = {"chalice"}
_SKIPPED_PARTS = {"__pycache__", ".pytest_cache", ".mypy_cache", "vendor", "deployments"}


@dataclass(frozen=True)
class PackagedApp:
    """A packaged Chalice app: the SAM template and its code zip."""

    directory: Path

    @property
    def sam_template(self) -> Path:
        return self.directory / "sam.json"

    @property
    def deployment_zip(self) -> Path:
        return self.directory / "deployment.zip"

    def complete(self) -> bool:
        """True when both files are there (a build renames its directory in when done)."""
        return self.sam_template.is_file() and self.deployment_zip.is_file()

    def template(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.sam_template.read_text())
        return loaded


def cache_root(env: Mapping[str, str] | None = None) -> Path:
    """Where packages are kept: ``$TOWNHALL_BUILD_CACHE`` or the user cache dir."""
    env = os.environ if env is None else env
    if env.get(ENV_CACHE_DIR):
        return Path(env[ENV_CACHE_DIR])
    base = Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "townhall" / "chalice"


def runtime_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The pinned runtime dependencies from ``pyproject.toml``, minus what Chalice bundles."""
    project = tomllib.loads(pyproject.read_text())["project"]
    requirements = []
    for requirement in project["dependencies"]:
        name = requirement.split("[", 1)[0].split("=", 1)[0].strip().lower()
        if name not in _NOT_SHIPPED:
            requirements.append(requirement)
    return requirements


def _source_files(directory: Path) -> Iterable[Path]:
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if path.is_file() and not (_SKIPPED_PARTS & set(relative.parts)) and path.suffix != ".pyc":
            yield path


def inputs_hash(
    functions_dir: Path, shared_dir: Path, requirements: list[str], stage_config: Mapping[str, Any]
) -> str:
    """A digest of everything that changes the package."""
    digest = hashlib.sha256()
    digest.update(PACKAGE_FORMAT_VERSION.encode())
    digest.update(metadata.version("chalice").encode())
    digest.update(f"{sys.version_info.major}.{sys.version_info.minor}".encode())
    digest.update("\n".join(requirements).encode())
    digest.update(json.dumps(stage_config, sort_keys=True).encode())
    for base in (functions_dir, shared_dir):
        for path in _source_files(base):
            digest.update(str(path.relative_to(base.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _copy_tree(source: Path, target: Path) -> None:
    for path in _source_files(source):
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)


def prepare_project(
    work_dir: Path, functions_dir: Path, requirements: list[str], wheel_cache: Path
) -> Path:
    """Lay out a Chalice project with its requirements and the shared wheel cache."""
    project = work_dir / "project"
    _copy_tree(functions_dir, project)
    (project / "requirements.txt").write_text("\n".join(requirements) + "\n")
    wheel_cache.mkdir(parents=True, exist_ok=True)
    (project / ".chalice").mkdir(exist_ok=True)
    (project / ".chalice" / "deployments").symlink_to(wheel_cache, target_is_directory=True)
    return project


def add_package(zip_path: Path, package_dir: Path) -> None:
    """Add a Python package folder at the root of a deployment zip."""
    with zipfile.ZipFile(zip_path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        existing = set(archive.namelist())
        for path in _source_files(package_dir):
            name = str(Path(package_dir.name) / path.relative_to(package_dir))
            if name in existing:
                raise FileExistsError(f"{name} is already in {zip_path.name}")
            archive.write(path, name)


def package(
    stage: str,
    stage_config: Mapping[str, Any],
    *,
    functions_dir: Path = ROOT / "functions",
    shared_dir: Path = ROOT / "shared",
    requirements: list[str] | None = None,
    cache: Path | None = None,
) -> PackagedApp:
    """Return the package for these inputs, building it only if it is not cached.

    The build happens in a temporary sibling directory that is renamed into
    place when complete, so an interrupted build never leaves a half package
    that a later synth would trust.
    """
    requirements = runtime_requirements() if requirements is None else requirements
    config = {"stage": stage, **stage_config}
    key = inputs_hash(functions_dir, shared_dir, requirements, config)
    root = cache or cache_root()
    target = root / key
    packaged = PackagedApp(target / "package")
    if packaged.complete():
        return packaged
    root.mkdir(parents=True, exist_ok=True)
    with FileLock(root / ".build.lock"):
        if packaged.complete():  # built by the process that held the lock
            return packaged
        _build(stage, stage_config, functions_dir, shared_dir, requirements, root, key)
    return packaged


def _build(
    stage: str,
    stage_config: Mapping[str, Any],
    functions_dir: Path,
    shared_dir: Path,
    requirements: list[str],
    root: Path,
    key: str,
) -> None:
    """Build the package into a temporary directory and rename it to ``root / key``."""
    target = root / key
    work = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=root))
    try:
        project = prepare_project(work, functions_dir, requirements, root / "wheels")
        from chalice import api as chalice_api

        chalice_api.package_app(
            project_dir=str(project),
            output_dir=str(work / "package"),
            stage=stage,
            chalice_config=dict(stage_config),
        )
        add_package(work / "package" / "deployment.zip", shared_dir)
        shutil.rmtree(project)
        try:
            work.rename(target)
        except OSError:
            # Another process finished the same package first; theirs is identical.
            shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
