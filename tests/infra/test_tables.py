"""The synthesised tables are the PynamoDB models' tables: keys, indexes, TTL, streams.

The expected shape is read from the models' registry here, independently of
the construct that builds the tables, so a model changed without its table
(or the other way round) fails these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from infra.constructs.tables import RegistryTables, discover_models
from shared.db.registry import IndexSpec, TableSpec
from tests.infra.conftest import Synthesis, props

pytestmark = pytest.mark.infra


def _key_schema(
    hash_key: tuple[str, str], range_key: tuple[str, str] | None
) -> list[dict[str, str]]:
    schema = [{"AttributeName": hash_key[0], "KeyType": "HASH"}]
    if range_key:
        schema.append({"AttributeName": range_key[0], "KeyType": "RANGE"})
    return schema


def _expected(spec: TableSpec) -> dict[str, Any]:
    keys = [spec.hash_key, *([spec.range_key] if spec.range_key else [])]
    for index in spec.global_indexes:
        keys += [index.hash_key, *([index.range_key] if index.range_key else [])]
    return {
        "KeySchema": _key_schema(spec.hash_key, spec.range_key),
        "AttributeDefinitions": sorted(
            ({"AttributeName": n, "AttributeType": t} for n, t in set(keys)),
            key=lambda a: a["AttributeName"],
        ),
        "GlobalSecondaryIndexes": sorted(
            (
                {
                    "IndexName": i.name,
                    "KeySchema": _key_schema(i.hash_key, i.range_key),
                    "Projection": i.projection,
                }
                for i in spec.global_indexes
            ),
            key=lambda i: str(i["IndexName"]),
        ),
        "TTL": spec.ttl_attribute,
        "Stream": spec.stream_view_type,
    }


def _actual(table: dict[str, Any]) -> dict[str, Any]:
    return {
        "KeySchema": table["KeySchema"],
        "AttributeDefinitions": sorted(
            table["AttributeDefinitions"], key=lambda a: a["AttributeName"]
        ),
        "GlobalSecondaryIndexes": sorted(
            (
                {
                    "IndexName": i["IndexName"],
                    "KeySchema": i["KeySchema"],
                    "Projection": i["Projection"]["ProjectionType"],
                }
                for i in table.get("GlobalSecondaryIndexes", [])
            ),
            key=lambda i: str(i["IndexName"]),
        ),
        "TTL": (table.get("TimeToLiveSpecification") or {}).get("AttributeName"),
        "Stream": (table.get("StreamSpecification") or {}).get("StreamViewType"),
    }


def _tables(synthesis: Synthesis, stack_set: Any) -> dict[str, dict[str, Any]]:
    return {
        t["TableName"]: t
        for t in props(synthesis.template(stack_set.data), "AWS::DynamoDB::GlobalTable")
    }


def test_every_registered_model_has_exactly_its_table(synthesis: Synthesis, stack_set: Any) -> None:
    # GIVEN the models registered in shared (every module imported)
    specs = discover_models()
    names = stack_set.deployment.names

    # WHEN the data stack is synthesised
    tables = _tables(synthesis, stack_set)

    # THEN there is one table per model, with the model's keys, indexes, TTL and stream
    assert set(tables) == {names.table(spec.logical_name) for spec in specs}
    for spec in specs:
        assert _actual(tables[names.table(spec.logical_name)]) == _expected(spec), spec.logical_name


def test_tables_are_on_demand_encrypted_and_recoverable(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN a stack set
    production = stack_set.deployment.stage.is_production

    # WHEN its tables are synthesised
    tables = _tables(synthesis, stack_set).values()

    # THEN each is on-demand, KMS-encrypted with the data key, PITR on, protected in production
    for table in tables:
        assert table["BillingMode"] == "PAY_PER_REQUEST"
        assert table["SSESpecification"] == {"SSEEnabled": True, "SSEType": "KMS"}
        (replica,) = table["Replicas"]
        assert replica["Region"] == stack_set.deployment.region
        assert replica["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True
        assert "KMSMasterKeyId" in replica["SSESpecification"]
        assert replica.get("DeletionProtectionEnabled", False) is production


def test_a_model_with_indexes_ttl_and_stream_gets_them_in_its_table() -> None:
    # GIVEN a table spec with everything a model can declare
    import aws_cdk as cdk
    from aws_cdk import aws_kms as kms
    from aws_cdk.assertions import Template

    from shared.resources import ResourceNames

    spec = TableSpec(
        logical_name="votes",
        hash_key=("pk", "S"),
        range_key=("sk", "S"),
        ttl_attribute="expires_at",
        stream_view_type="NEW_AND_OLD_IMAGES",
        global_indexes=[IndexSpec("by_input", ("input_id", "S"), ("created", "N"), "KEYS_ONLY")],
    )
    stack = cdk.Stack(cdk.App(), "T", env=cdk.Environment(region="eu-west-1"))

    # WHEN the construct builds it
    RegistryTables(
        stack,
        "Tables",
        names=ResourceNames("th"),
        key=kms.Key(stack, "K"),
        deletion_protection=True,
        specs=[spec],
    )

    # THEN the table carries the index, the TTL and the stream the spec declares
    (table,) = Template.from_stack(stack).find_resources("AWS::DynamoDB::GlobalTable").values()
    assert _actual(table["Properties"]) == _expected(spec)
    assert table["Properties"]["TableName"] == "th-votes"
