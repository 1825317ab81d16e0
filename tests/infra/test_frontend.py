"""CloudFront: TLS, WAF, behaviours, origin headers, security headers, and its edge functions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from infra.config import EDGE_REGION, ORIGIN_VERIFY_HEADER
from infra.stacks.data import secret_name
from infra.stacks.edge import MANAGED_RULE_GROUPS
from infra.stacks.frontend import FUNCTIONS_DIR
from tests.infra.conftest import Synthesis, props

pytestmark = pytest.mark.infra


def _distribution(synthesis: Synthesis, stack_set: Any) -> dict[str, Any]:
    (distribution,) = props(synthesis.template(stack_set.frontend), "AWS::CloudFront::Distribution")
    return dict(distribution["DistributionConfig"])


def test_the_distribution_uses_tls12_the_platform_domains_waf_and_logs(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # WHEN the distribution is synthesised
    config = _distribution(synthesis, stack_set)

    # THEN viewers get TLS 1.2+, every platform's domain, the WAF ACL, and access logs
    assert config["ViewerCertificate"]["MinimumProtocolVersion"] == "TLSv1.2_2021"
    assert config["ViewerCertificate"]["SslSupportMethod"] == "sni-only"
    assert config["ViewerCertificate"]["AcmCertificateArn"] == {"Ref": "CertificateArn"}
    assert config["Aliases"] == {"Ref": "PlatformDomains"}
    assert "WebACLId" in config
    assert "Bucket" in config["Logging"]
    assert config["DefaultCacheBehavior"]["ViewerProtocolPolicy"] == "redirect-to-https"


def test_api_requests_go_to_the_api_with_the_origin_secret_and_tenant_host(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the distribution
    config = _distribution(synthesis, stack_set)

    # WHEN the /api/* behaviour and its origin are looked up
    (behaviour,) = config["CacheBehaviors"]
    origin = next(o for o in config["Origins"] if o["Id"] == behaviour["TargetOriginId"])

    # THEN the API origin is HTTPS/TLS 1.2, uncached, with the secret as a deploy-time reference
    assert behaviour["PathPattern"] == "/api/*"
    assert origin["CustomOriginConfig"]["OriginProtocolPolicy"] == "https-only"
    assert origin["CustomOriginConfig"]["OriginSSLProtocols"] == ["TLSv1.2"]
    (header,) = origin["OriginCustomHeaders"]
    assert header["HeaderName"] == ORIGIN_VERIFY_HEADER
    name = secret_name(stack_set.deployment, "origin-verify")
    assert header["HeaderValue"] == f"{{{{resolve:secretsmanager:{name}:SecretString:::}}}}"
    (association,) = behaviour["FunctionAssociations"]
    assert association["EventType"] == "viewer-request"
    assert "POST" in behaviour["AllowedMethods"]


def test_responses_carry_the_security_headers(synthesis: Synthesis, stack_set: Any) -> None:
    # WHEN the response headers policy is synthesised
    (policy,) = props(
        synthesis.template(stack_set.frontend), "AWS::CloudFront::ResponseHeadersPolicy"
    )
    headers = policy["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]

    # THEN HSTS, a CSP forbidding framing, a referrer policy and nosniff are set
    assert headers["StrictTransportSecurity"]["AccessControlMaxAgeSec"] >= 31536000
    assert headers["StrictTransportSecurity"]["IncludeSubdomains"] is True
    csp = json.dumps(headers["ContentSecurityPolicy"]["ContentSecurityPolicy"])
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert headers["ReferrerPolicy"]["ReferrerPolicy"] == "strict-origin-when-cross-origin"
    assert headers["FrameOptions"]["FrameOption"] == "DENY"
    assert headers["ContentTypeOptions"]["Override"] is True


def test_the_web_acl_has_managed_rules_and_a_rate_limit_in_us_east_1(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # WHEN the edge stack is synthesised
    (acl,) = props(synthesis.template(stack_set.edge), "AWS::WAFv2::WebACL")

    # THEN it is a CloudFront ACL in us-east-1 with the managed groups and a per-IP rate rule
    assert stack_set.edge.region == EDGE_REGION
    assert acl["Scope"] == "CLOUDFRONT"
    groups = {r["Statement"].get("ManagedRuleGroupStatement", {}).get("Name") for r in acl["Rules"]}
    assert set(MANAGED_RULE_GROUPS) <= groups
    (rate,) = [r for r in acl["Rules"] if "RateBasedStatement" in r["Statement"]]
    assert (
        rate["Statement"]["RateBasedStatement"]["Limit"]
        == stack_set.deployment.stage.waf_requests_per_5_minutes
    )
    assert rate["Action"] == {"Block": {}}


def _run_function(name: str, event: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """Run a CloudFront Function's handler under Node (its JS is plain ES5 + ES2015)."""
    script = tmp_path / f"{name}.js"
    script.write_text(
        (FUNCTIONS_DIR / f"{name}.js").read_text()
        + f"\nprocess.stdout.write(JSON.stringify(handler({json.dumps(event)})));\n"
    )
    node = shutil.which("node")
    assert node, "node is installed on the build machine"
    result = subprocess.run([node, str(script)], capture_output=True, text=True, check=True)
    return dict(json.loads(result.stdout))


def test_the_tenant_host_function_overwrites_a_client_supplied_header(tmp_path: Path) -> None:
    # GIVEN a viewer request that tries to pick another tenant
    event = {
        "viewer": {"ip": "198.51.100.7"},
        "request": {
            "uri": "/api/v1/platform",
            "headers": {
                "host": {"value": "Alpha.Example.org"},
                "x-townhall-host": {"value": "beta.example.org"},
                "x-townhall-viewer-ip": {"value": "203.0.113.1"},
            },
        },
    }

    # WHEN the viewer-request function runs
    request = _run_function("tenant_host", event, tmp_path)

    # THEN the tenant header is the viewer's own Host, lower-cased, and the address its own
    assert request["headers"]["x-townhall-host"] == {"value": "alpha.example.org"}
    assert request["headers"]["x-townhall-viewer-ip"] == {"value": "198.51.100.7"}


@pytest.mark.parametrize(
    ("uri", "served"),
    [
        ("/projects/42", "/index.html"),
        ("/", "/index.html"),
        ("/assets/app.1a2b.js", "/assets/app.1a2b.js"),
    ],
)
def test_client_routes_are_served_index_html_and_files_are_not(
    uri: str, served: str, tmp_path: Path
) -> None:
    # WHEN the SPA routing function sees a request
    request = _run_function("spa_routing", {"request": {"uri": uri, "headers": {}}}, tmp_path)

    # THEN client-side routes get the app shell and real files pass through
    assert request["uri"] == served
