"""Content-Security-Policy: strict on public pages, looser for the Wagtail admin.

Public pages run no inline script (JSON-LD blocks are data: browsers never execute a
``<script type="application/ld+json">``, so CSP does not apply to them). The Wagtail admin
ships inline scripts and styles, so under /admin/ the policy also allows 'unsafe-inline'
scripts; it still forbids scripts from other origins.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        replace = dict(parts.replace or {})
        if request.path_info.startswith(ADMIN_PREFIXES):
            replace.setdefault("script-src", ["'self'", "'unsafe-inline'"])
            replace.setdefault("img-src", [*settings.CSP_MEDIA_SOURCES, "blob:", "https:"])
        if getattr(response, "xframe_options_exempt", False):
            # Views made to be framed by other sites (the oEmbed player frame).
            replace.setdefault("frame-ancestors", ["*"])
        return PolicyParts(parts.config, parts.update, replace or None, parts.nonce)
