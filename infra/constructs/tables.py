"""DynamoDB tables derived from the PynamoDB models' registry.

The models (``@table_model``) are the one source of truth for keys, indexes,
TTL and streams: this construct turns each :class:`shared.db.registry.TableSpec`
into a ``TableV2``, so a model added by any domain gets its table here
without editing the stacks, and ``tests/infra`` fails if the two drift.
"""

from __future__ import annotations

import importlib
import pkgutil

import aws_cdk as cdk
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_kms as kms
from constructs import Construct

import shared
from shared.db.registry import TableSpec, table_specs
from shared.resources import ResourceNames

_TYPES = {
    "S": dynamodb.AttributeType.STRING,
    "N": dynamodb.AttributeType.NUMBER,
    "B": dynamodb.AttributeType.BINARY,
}
_STREAMS = {
    "NEW_IMAGE": dynamodb.StreamViewType.NEW_IMAGE,
    "OLD_IMAGE": dynamodb.StreamViewType.OLD_IMAGE,
    "NEW_AND_OLD_IMAGES": dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    "KEYS_ONLY": dynamodb.StreamViewType.KEYS_ONLY,
}
_PROJECTIONS = {
    "ALL": dynamodb.ProjectionType.ALL,
    "KEYS_ONLY": dynamodb.ProjectionType.KEYS_ONLY,
    "INCLUDE": dynamodb.ProjectionType.INCLUDE,
}


def discover_models() -> list[TableSpec]:
    """Import every module of ``shared`` so each ``@table_model`` registers, then describe them.

    The registry fills as modules are imported; the CDK app imports no domain
    code on its own, so without this walk a model nobody imported would get no
    table.
    """
    for module in pkgutil.walk_packages(shared.__path__, prefix="shared."):
        importlib.import_module(module.name)
    return table_specs()


def _attribute(key: tuple[str, str]) -> dynamodb.Attribute:
    return dynamodb.Attribute(name=key[0], type=_TYPES[key[1]])


def _table_id(logical: str) -> str:
    return "".join(part.title() for part in logical.split("_")) + "Table"


class RegistryTables(Construct):
    """One encrypted, on-demand, PITR-protected table per registered model."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        names: ResourceNames,
        key: kms.IKey,
        deletion_protection: bool,
        specs: list[TableSpec] | None = None,
    ) -> None:
        super().__init__(scope, construct_id)
        self.tables: dict[str, dynamodb.TableV2] = {}
        self.specs = {
            spec.logical_name: spec for spec in (specs if specs is not None else discover_models())
        }
        for logical, spec in self.specs.items():
            self.tables[logical] = dynamodb.TableV2(
                self,
                _table_id(logical),
                table_name=names.table(logical),
                partition_key=_attribute(spec.hash_key),
                sort_key=_attribute(spec.range_key) if spec.range_key else None,
                billing=dynamodb.Billing.on_demand(),
                encryption=dynamodb.TableEncryptionV2.customer_managed_key(key),
                point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                    point_in_time_recovery_enabled=True, recovery_period_in_days=35
                ),
                deletion_protection=deletion_protection,
                time_to_live_attribute=spec.ttl_attribute,
                dynamo_stream=_STREAMS[spec.stream_view_type] if spec.stream_view_type else None,
                global_secondary_indexes=[
                    dynamodb.GlobalSecondaryIndexPropsV2(
                        index_name=index.name,
                        partition_key=_attribute(index.hash_key),
                        sort_key=_attribute(index.range_key) if index.range_key else None,
                        projection_type=_PROJECTIONS[index.projection],
                    )
                    for index in spec.global_indexes
                ],
                removal_policy=cdk.RemovalPolicy.RETAIN,
            )
