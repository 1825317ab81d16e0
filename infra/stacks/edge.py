"""The edge stack (us-east-1): the WAF web ACL CloudFront uses.

CloudFront only accepts web ACLs of scope ``CLOUDFRONT``, and those exist
only in us-east-1. The ACL holds no personal data; the distribution and
its logs stay in the EU region of the frontend stack, which reads the ACL's
ARN through CDK's cross-region references.
"""

from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_wafv2 as wafv2
from constructs import Construct

from infra.config import EDGE_REGION, Deployment

MANAGED_RULE_GROUPS = (
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesSQLiRuleSet",
)


def _visibility(name: str) -> wafv2.CfnWebACL.VisibilityConfigProperty:
    return wafv2.CfnWebACL.VisibilityConfigProperty(
        cloud_watch_metrics_enabled=True, metric_name=name, sampled_requests_enabled=True
    )


class EdgeStack(cdk.Stack):
    """The CloudFront web ACL of one deployment: managed rules and a per-IP rate limit."""

    def __init__(self, scope: Construct, construct_id: str, *, deployment: Deployment) -> None:
        super().__init__(
            scope,
            construct_id,
            env=cdk.Environment(account=deployment.account, region=EDGE_REGION),
            cross_region_references=True,
            description=f"Townhall {deployment.stage.name} edge protection for {deployment.region}",
        )
        rules = [
            wafv2.CfnWebACL.RuleProperty(
                name="RateLimitPerIp",
                priority=0,
                action=wafv2.CfnWebACL.RuleActionProperty(block={}),
                statement=wafv2.CfnWebACL.StatementProperty(
                    rate_based_statement=wafv2.CfnWebACL.RateBasedStatementProperty(
                        aggregate_key_type="IP",
                        limit=deployment.stage.waf_requests_per_5_minutes,
                        evaluation_window_sec=300,
                    )
                ),
                visibility_config=_visibility("RateLimitPerIp"),
            )
        ]
        for priority, group in enumerate(MANAGED_RULE_GROUPS, start=1):
            rules.append(
                wafv2.CfnWebACL.RuleProperty(
                    name=group,
                    priority=priority,
                    override_action=wafv2.CfnWebACL.OverrideActionProperty(none={}),
                    statement=wafv2.CfnWebACL.StatementProperty(
                        managed_rule_group_statement=wafv2.CfnWebACL.ManagedRuleGroupStatementProperty(
                            vendor_name="AWS",
                            name=group,
                            # Uploads go straight to S3, so API bodies stay small; keep the
                            # size rule but let JSON bodies of rich text through.
                            rule_action_overrides=(
                                [
                                    wafv2.CfnWebACL.RuleActionOverrideProperty(
                                        name="SizeRestrictions_BODY",
                                        action_to_use=wafv2.CfnWebACL.RuleActionProperty(count={}),
                                    )
                                ]
                                if group == "AWSManagedRulesCommonRuleSet"
                                else None
                            ),
                        )
                    ),
                    visibility_config=_visibility(group),
                )
            )
        self.web_acl = wafv2.CfnWebACL(
            self,
            "WebAcl",
            name=f"{deployment.prefix}-{deployment.region}",
            scope="CLOUDFRONT",
            default_action=wafv2.CfnWebACL.DefaultActionProperty(allow={}),
            visibility_config=_visibility(f"{deployment.prefix}-web-acl"),
            rules=rules,
        )
