"""Smoke test of the moto shim: a conditional put wins once under contention."""

from __future__ import annotations

import threading

import boto3
from moto import mock_aws

from infra.local.dynamodb_atomicity import serialise_dynamodb_requests


def test_one_of_many_simultaneous_conditional_puts_wins():
    serialise_dynamodb_requests()
    serialise_dynamodb_requests()  # idempotent
    with mock_aws():
        client = boto3.client("dynamodb", region_name="eu-west-1")
        client.create_table(
            TableName="claims",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        barrier, wins, lock = threading.Barrier(16), [], threading.Lock()

        def claim(n: int) -> None:
            barrier.wait()
            try:
                client.put_item(
                    TableName="claims",
                    Item={"pk": {"S": "slug#market"}, "by": {"N": str(n)}},
                    ConditionExpression="attribute_not_exists(pk)",
                )
            except client.exceptions.ConditionalCheckFailedException:
                return
            with lock:
                wins.append(n)

        threads = [threading.Thread(target=claim, args=(n,)) for n in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(wins) == 1
