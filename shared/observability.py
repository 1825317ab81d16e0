"""Powertools logger, tracer and metrics, shared by every function.

Locally and in tests X-Ray sending is off (``AWS_XRAY_SDK_ENABLED=false``)
and metrics go to stdout in EMF, which is what Lambda ships to CloudWatch.
"""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics, Tracer

SERVICE = "townhall"
METRICS_NAMESPACE = "Townhall"

logger = Logger(service=SERVICE)
tracer = Tracer(service=SERVICE)
metrics = Metrics(namespace=METRICS_NAMESPACE, service=SERVICE)
