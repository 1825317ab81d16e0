"""The Chalice app as a CDK construct, from a cached package.

:class:`CachedChalice` is ``chalice.cdk.Chalice`` with one change: the
package comes from :func:`infra.packaging.package` (built once per set of
inputs) instead of a fresh ``chalice package`` per synth. The package is
stage-neutral; everything that differs per region and stage (environment
variables, which carry CDK tokens, sizing, roles, tracing) is applied to the
included SAM resources afterwards, so four stack sets share one package.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from chalice.cdk import Chalice
from constructs import Construct

from infra.config import API_STAGE
from infra.packaging import PackagedApp, package

# A role Chalice never creates: every function gets a CDK-defined role instead.
PLACEHOLDER_ROLE = "arn:aws:iam::000000000000:role/replaced-by-cdk"

PACKAGE_CONFIG: dict[str, Any] = {
    "api_gateway_stage": API_STAGE,
    "api_gateway_endpoint_type": "REGIONAL",
    "manage_iam_role": False,
    "iam_role_arn": PLACEHOLDER_ROLE,
    "autogen_policy": False,
    "xray": True,
}
PACKAGE_STAGE = "aws"


class CachedChalice(Chalice):
    """``chalice.cdk.Chalice`` fed by the package cache."""

    def __init__(self, scope: Construct, construct_id: str, source_dir: str) -> None:
        self._packaged: PackagedApp = package(PACKAGE_STAGE, PACKAGE_CONFIG)
        self._synth_dir = Path(tempfile.mkdtemp(prefix="townhall-sam-"))
        super().__init__(scope, construct_id, source_dir=source_dir, stage_config=PACKAGE_CONFIG)
        # CfnInclude has read the template; the per-synth copy is not needed any more.
        for leftover in self._synth_dir.iterdir():
            leftover.unlink()
        self._synth_dir.rmdir()

    def _package_app(self) -> None:
        self._sam_package_dir = str(self._packaged.directory)

    def _generate_sam_template_with_assets(self, chalice_out_dir: str, package_id: str) -> str:
        """Write the asset-bearing template outside the source tree (Chalice uses ``cwd``)."""
        original = super()._generate_sam_template_with_assets
        written: str = original(str(self._synth_dir), package_id)
        return written

    @property
    def template(self) -> dict[str, Any]:
        """The packaged SAM template, as Chalice wrote it."""
        return self._packaged.template()

    def function_ids(self) -> dict[str, str]:
        """Logical id of every function by its Chalice name (``api_handler`` for the API)."""
        ids = {}
        for logical, resource in self.template["Resources"].items():
            if resource["Type"] != "AWS::Serverless::Function":
                continue
            handler = resource["Properties"]["Handler"]
            ids["api_handler" if logical == "APIHandler" else handler.rsplit(".", 1)[1]] = logical
        return ids

    def swagger(self) -> dict[str, Any]:
        body: dict[str, Any] = json.loads(
            json.dumps(self.template["Resources"]["RestAPI"]["Properties"]["DefinitionBody"])
        )
        return body
