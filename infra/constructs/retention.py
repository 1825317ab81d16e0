"""Log retention in days, as the CDK enum CloudWatch Logs accepts."""

from __future__ import annotations

from aws_cdk import aws_logs as logs

_BY_DAYS = {
    7: logs.RetentionDays.ONE_WEEK,
    14: logs.RetentionDays.TWO_WEEKS,
    30: logs.RetentionDays.ONE_MONTH,
    90: logs.RetentionDays.THREE_MONTHS,
    180: logs.RetentionDays.SIX_MONTHS,
    365: logs.RetentionDays.ONE_YEAR,
    731: logs.RetentionDays.TWO_YEARS,
}


def retention(days: int) -> logs.RetentionDays:
    """The retention for ``days``; only the values the stages use are accepted."""
    if days not in _BY_DAYS:
        raise ValueError(f"log retention must be one of {sorted(_BY_DAYS)} days, got {days}")
    return _BY_DAYS[days]
