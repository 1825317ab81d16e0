"""The frontend stack: the static site on S3 behind CloudFront, and ``/api/*`` to the API.

CloudFront serves every platform's host name (a certificate parameter lists
them), reaches the site bucket through origin access control, and sends
``/api/*`` to the API's regional custom domain with two headers the API
relies on: ``x-townhall-host`` (the viewer's Host, copied by a CloudFront
Function so no client can choose its tenant) and ``x-origin-verify`` (the
origin secret, resolved from Secrets Manager at deploy time, so it never
appears in the template).
"""

from __future__ import annotations

from pathlib import Path

import aws_cdk as cdk
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_kms as kms
from constructs import Construct

from infra.config import ORIGIN_VERIFY_HEADER, TENANT_HOST_HEADER, Deployment
from infra.constructs.buckets import log_bucket, secure_bucket
from infra.stacks.api import ApiStack
from infra.stacks.data import secret_name
from infra.stacks.edge import EdgeStack

FUNCTIONS_DIR = Path(__file__).resolve().parent / "edge_functions"

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' {analytics}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https://*.tile.openstreetmap.org {storage} {analytics}",
        "media-src 'self' {storage}",
        "connect-src 'self' {storage} {analytics}",
        "font-src 'self'",
        "frame-src https://meet.jit.si https://www.youtube-nocookie.com https://player.vimeo.com",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
        "upgrade-insecure-requests",
    )
)


def content_security_policy(storage: str, analytics: tuple[str, ...] = ()) -> str:
    """The site's policy: the storage origin, and the analytics origins the operator allows
    (a platform's analytics script loads only from one of them, after consent)."""
    text = CONTENT_SECURITY_POLICY.format(storage=storage, analytics=" ".join(analytics))
    return text.replace(" ;", ";")


class FrontendStack(cdk.Stack):
    """Site bucket, CloudFront distribution, security headers and edge functions."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        deployment: Deployment,
        api: ApiStack,
        edge: EdgeStack,
    ) -> None:
        super().__init__(
            scope,
            construct_id,
            env=cdk.Environment(account=deployment.account, region=deployment.region),
            cross_region_references=True,
            description=f"Townhall {deployment.stage.name} site and CDN ({deployment.region})",
        )
        stage = deployment.stage
        certificate_arn = cdk.CfnParameter(
            self,
            "CertificateArn",
            type="String",
            description="ACM certificate in us-east-1 covering every PlatformDomains entry",
            allowed_pattern=r"^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate/.+$",
        )
        domains = cdk.CfnParameter(
            self,
            "PlatformDomains",
            type="CommaDelimitedList",
            description="Host names of the platforms served by this deployment "
            "(e.g. participate.city-a.eu,mitmachen.city-b.de)",
        )
        self.key = kms.Key(
            self,
            "SiteKey",
            alias=f"alias/{deployment.prefix}-site",
            description="Encrypts Townhall's static site bucket",
            enable_key_rotation=True,
        )
        self.logs = log_bucket(self, "CdnLogs", retention_days=stage.log_retention_days)
        self.site = secure_bucket(self, "SiteBucket", key=self.key, logs=self.logs)
        uploads = api.data.buckets["uploads"]
        storage = f"https://{uploads.bucket_regional_domain_name}"
        headers = cloudfront.ResponseHeadersPolicy(
            self,
            "SecurityHeaders",
            response_headers_policy_name=f"{deployment.prefix}-{deployment.region_code}-security",
            security_headers_behavior=cloudfront.ResponseSecurityHeadersBehavior(
                strict_transport_security=cloudfront.ResponseHeadersStrictTransportSecurity(
                    access_control_max_age=cdk.Duration.days(730),
                    include_subdomains=True,
                    preload=True,
                    override=True,
                ),
                content_security_policy=cloudfront.ResponseHeadersContentSecurityPolicy(
                    content_security_policy=content_security_policy(
                        storage, deployment.stage.analytics_origins
                    ),
                    override=True,
                ),
                frame_options=cloudfront.ResponseHeadersFrameOptions(
                    frame_option=cloudfront.HeadersFrameOption.DENY, override=True
                ),
                referrer_policy=cloudfront.ResponseHeadersReferrerPolicy(
                    referrer_policy=cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
                    override=True,
                ),
                content_type_options=cloudfront.ResponseHeadersContentTypeOptions(override=True),
            ),
            custom_headers_behavior=cloudfront.ResponseCustomHeadersBehavior(
                custom_headers=[
                    cloudfront.ResponseCustomHeader(
                        header="Permissions-Policy",
                        value="camera=(self), microphone=(self), geolocation=(self)",
                        override=True,
                    )
                ]
            ),
        )
        tenant_host = cloudfront.Function(
            self,
            "TenantHostFunction",
            function_name=f"{deployment.prefix}-{deployment.region_code}-tenant-host",
            code=cloudfront.FunctionCode.from_file(file_path=str(FUNCTIONS_DIR / "tenant_host.js")),
            runtime=cloudfront.FunctionRuntime.JS_2_0,
            comment=f"Copy the viewer's Host into {TENANT_HOST_HEADER}",
        )
        spa = cloudfront.Function(
            self,
            "SpaRoutingFunction",
            function_name=f"{deployment.prefix}-{deployment.region_code}-spa-routing",
            code=cloudfront.FunctionCode.from_file(file_path=str(FUNCTIONS_DIR / "spa_routing.js")),
            runtime=cloudfront.FunctionRuntime.JS_2_0,
            comment="Serve index.html for client-side routes",
        )
        origin_secret = cdk.SecretValue.secrets_manager(
            secret_name(deployment, "origin-verify")
        ).unsafe_unwrap()  # a {{resolve:secretsmanager:...}} reference, resolved at deploy time
        api_origin = origins.HttpOrigin(
            api.api_domain_name.value_as_string,
            protocol_policy=cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            origin_ssl_protocols=[cloudfront.OriginSslPolicy.TLS_V1_2],
            custom_headers={ORIGIN_VERIFY_HEADER: origin_secret},
            read_timeout=cdk.Duration.seconds(30),
        )
        self.distribution = cloudfront.Distribution(
            self,
            "Distribution",
            comment=f"Townhall {stage.name} ({deployment.region})",
            domain_names=domains.value_as_list,
            certificate=acm.Certificate.from_certificate_arn(
                self, "Certificate", certificate_arn.value_as_string
            ),
            minimum_protocol_version=cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            ssl_support_method=cloudfront.SSLMethod.SNI,
            http_version=cloudfront.HttpVersion.HTTP2_AND_3,
            price_class=cloudfront.PriceClass.PRICE_CLASS_100,
            web_acl_id=edge.web_acl.attr_arn,
            enable_logging=True,
            log_bucket=self.logs,
            log_file_prefix="cloudfront/",
            default_root_object="index.html",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(self.site),
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                cache_policy=cloudfront.CachePolicy.CACHING_OPTIMIZED,
                response_headers_policy=headers,
                function_associations=[
                    cloudfront.FunctionAssociation(
                        function=spa, event_type=cloudfront.FunctionEventType.VIEWER_REQUEST
                    )
                ],
            ),
            additional_behaviors={
                "/api/*": cloudfront.BehaviorOptions(
                    origin=api_origin,
                    viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
                    allowed_methods=cloudfront.AllowedMethods.ALLOW_ALL,
                    cache_policy=cloudfront.CachePolicy.CACHING_DISABLED,
                    origin_request_policy=(
                        cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER
                    ),
                    response_headers_policy=headers,
                    function_associations=[
                        cloudfront.FunctionAssociation(
                            function=tenant_host,
                            event_type=cloudfront.FunctionEventType.VIEWER_REQUEST,
                        )
                    ],
                )
            },
        )
        cdk.Validations.of(self.distribution).acknowledge(
            cdk.Acknowledgment(
                id="AwsSolutions::AwsSolutions-CFR1",
                reason="Residents and visitors may take part from anywhere; abuse is handled "
                "by WAF's IP reputation list and rate limit, not by country.",
            )
        )
        cdk.CfnOutput(self, "DistributionDomain", value=self.distribution.distribution_domain_name)
        cdk.CfnOutput(self, "SiteBucketName", value=self.site.bucket_name)
        cdk.CfnOutput(self, "DistributionId", value=self.distribution.distribution_id)
