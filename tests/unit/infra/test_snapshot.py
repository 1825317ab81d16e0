"""Snapshot and restore round trip on moto, through public APIs only."""

from __future__ import annotations

import gzip
import json
import threading
import time
from decimal import Decimal

import boto3
import pytest
from moto import mock_aws

from infra.local import snapshot

REGION = "eu-west-1"
PNG_BYTES = bytes(range(256)) * 4


def _clients():
    return boto3.client("dynamodb", region_name=REGION), boto3.client("s3", region_name=REGION)


def _create(dynamodb, s3) -> None:
    dynamodb.create_table(
        TableName="things",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    s3.create_bucket(Bucket="files", CreateBucketConfiguration={"LocationConstraint": REGION})


RICH_ITEM = {
    "pk": {"S": "T#alpha#THING#1"},
    "count": {"N": "42.5"},
    "blob": {"B": b"\x00\xffbinary"},
    "tags": {"SS": ["a", "b"]},
    "scores": {"NS": ["1", "2"]},
    "chunks": {"BS": [b"\x01", b"\x02"]},
    "nested": {"M": {"list": {"L": [{"S": "x"}, {"B": b"\x03"}, {"NULL": True}]}}},
    "flag": {"BOOL": False},
}


@pytest.fixture
def stack():
    with mock_aws():
        dynamodb, s3 = _clients()
        _create(dynamodb, s3)
        yield dynamodb, s3


def _fill(dynamodb, s3, n: int = 60) -> None:
    dynamodb.put_item(TableName="things", Item=RICH_ITEM)
    for i in range(n):  # more than one BatchWriteItem on restore
        dynamodb.put_item(TableName="things", Item={"pk": {"S": f"T#alpha#N#{i}"}})
    s3.put_object(
        Bucket="files",
        Key="alpha/a.png",
        Body=PNG_BYTES,
        ContentType="image/png",
        Metadata={"owner": "u1"},
    )
    s3.put_object(Bucket="files", Key="alpha/notes.txt", Body=b"hello", ContentType="text/plain")


def test_round_trip_restores_every_item_and_object(tmp_path):
    # GIVEN a table with typed items and a bucket with binary objects, snapshotted to a file
    path = tmp_path / "state" / "snapshot.json.gz"
    with mock_aws():
        dynamodb, s3 = _clients()
        _create(dynamodb, s3)
        _fill(dynamodb, s3)
        snapshot.write_atomically(path, snapshot.take(dynamodb, s3))

    # WHEN a fresh, empty stack restores the file
    with mock_aws():
        fresh_dynamodb, fresh_s3 = _clients()
        _create(fresh_dynamodb, fresh_s3)
        counts = snapshot.restore(snapshot.read(path), fresh_dynamodb, fresh_s3)

        # THEN every item (with its binary, set, map and number values) and object is back
        assert counts == {"items": 61, "objects": 2}
        item = fresh_dynamodb.get_item(TableName="things", Key={"pk": RICH_ITEM["pk"]})["Item"]
        assert item["blob"] == {"B": b"\x00\xffbinary"}
        assert set(item["chunks"]["BS"]) == {b"\x01", b"\x02"}
        assert set(item["tags"]["SS"]) == {"a", "b"} and set(item["scores"]["NS"]) == {"1", "2"}
        assert item["nested"]["M"]["list"]["L"][1] == {"B": b"\x03"}
        assert Decimal(item["count"]["N"]) == Decimal("42.5") and item["flag"] == {"BOOL": False}
        assert fresh_dynamodb.scan(TableName="things", Select="COUNT")["Count"] == 61
        image = fresh_s3.get_object(Bucket="files", Key="alpha/a.png")
        assert image["Body"].read() == PNG_BYTES
        assert image["ContentType"] == "image/png" and image["Metadata"] == {"owner": "u1"}


def test_file_is_gzip_json_in_the_documented_format(stack, tmp_path):
    dynamodb, s3 = stack
    _fill(dynamodb, s3, n=0)
    path = tmp_path / "snapshot.json.gz"
    snapshot.write_atomically(path, snapshot.take(dynamodb, s3))
    document = json.loads(gzip.decompress(path.read_bytes()))
    assert document["version"] == 1 and "taken_at" in document
    assert document["tables"]["things"][0]["blob"] == {"B": "AP9iaW5hcnk="}
    assert document["buckets"]["files"][1] == {
        "key": "alpha/notes.txt",
        "content_type": "text/plain",
        "metadata": {},
        "body_b64": "aGVsbG8=",
    }
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_failed_write_keeps_the_previous_snapshot(tmp_path):
    # GIVEN a good snapshot WHEN writing a new one fails half-way THEN the old file is intact
    path = tmp_path / "snapshot.json.gz"
    snapshot.write_atomically(path, {"version": 1, "tables": {}, "buckets": {}})
    before = path.read_bytes()
    with pytest.raises(TypeError):
        snapshot.write_atomically(path, {"version": 1, "tables": {"t": [object()]}})
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


def test_unknown_format_and_garbage_are_refused(tmp_path):
    path = tmp_path / "snapshot.json.gz"
    path.write_bytes(gzip.compress(b'{"version": 99}'))
    with pytest.raises(snapshot.SnapshotError, match="format 99"):
        snapshot.read(path)
    path.write_bytes(b"not gzip")
    with pytest.raises(snapshot.SnapshotError, match="not a readable snapshot"):
        snapshot.read(path)


def test_restore_refuses_data_for_resources_the_stack_lacks(stack):
    dynamodb, s3 = stack
    document = {"version": 1, "tables": {"gone": []}, "buckets": {}}
    with pytest.raises(snapshot.SnapshotError, match="gone"):
        snapshot.restore(document, dynamodb, s3)


def test_snapshotter_writes_only_when_something_changed(stack, tmp_path):
    dynamodb, s3 = stack
    saver = snapshot.Snapshotter(tmp_path / "s.json.gz", dynamodb, s3)
    assert saver.save() is True
    assert saver.save() is False
    dynamodb.put_item(TableName="things", Item={"pk": {"S": "new"}})
    assert saver.save() is True


def test_mark_saved_after_restore_skips_the_identical_write(stack, tmp_path):
    dynamodb, s3 = stack
    path = tmp_path / "s.json.gz"
    path.write_bytes(b"previous")
    saver = snapshot.Snapshotter(path, dynamodb, s3)
    saver.mark_saved()
    assert saver.save() is False and path.read_bytes() == b"previous"


def test_periodic_saving_stops_on_request_and_survives_errors(tmp_path):
    # GIVEN a snapshotter whose storage fails WHEN it runs THEN errors are reported, not raised
    class BrokenDynamo:
        def get_paginator(self, name):
            raise ConnectionError("moto is gone")

    errors: list[Exception] = []
    stop = threading.Event()
    saver = snapshot.Snapshotter(
        tmp_path / "s.json.gz", BrokenDynamo(), None, interval_seconds=0.01, on_error=errors.append
    )
    worker = threading.Thread(target=saver.run_periodically, args=(stop,))
    worker.start()
    deadline = time.monotonic() + 10
    while not errors and time.monotonic() < deadline:
        stop.wait(0.01)
    stop.set()
    worker.join(timeout=5)
    assert not worker.is_alive()
    assert isinstance(errors[0], ConnectionError)


def test_secrets_written_at_run_time_survive_a_restart(tmp_path):
    # GIVEN a platform secret the functions created, snapshotted with the data
    path = tmp_path / "snapshot.json.gz"
    with mock_aws():
        dynamodb, s3 = _clients()
        _create(dynamodb, s3)
        secrets = boto3.client("secretsmanager", region_name="eu-west-1")
        secrets.create_secret(
            Name="townhall-local/platforms/demo/verification-code-key", SecretString="k1"
        )
        snapshot.write_atomically(path, snapshot.take(dynamodb, s3, secrets))

    # WHEN a fresh stack restores it (one secret already created there)
    with mock_aws():
        fresh_dynamodb, fresh_s3 = _clients()
        _create(fresh_dynamodb, fresh_s3)
        fresh = boto3.client("secretsmanager", region_name="eu-west-1")
        fresh.create_secret(
            Name="townhall-local/platforms/demo/verification-code-key", SecretString="new"
        )
        snapshot.restore(snapshot.read(path), fresh_dynamodb, fresh_s3, fresh)

        # THEN the secret has its old value, so codes hashed with it still verify
        value = fresh.get_secret_value(
            SecretId="townhall-local/platforms/demo/verification-code-key"
        )
        assert value["SecretString"] == "k1"
