vcl 4.1;
# The edge cache in front of Newsroom (make cluster, deploy/docker): Varnish with the xkey vmod.
# ${backend_host} and ${backend_port} are filled in by deploy/cluster/services.py (the cluster's
# nginx, which balances the app servers) or by the container's entry point.
#
# What it keeps: GET and HEAD answers that the app marks public with s-maxage, for requests
# without a session or CSRF cookie or credentials, outside the admin and the press area; never an
# answer that sets a cookie. One copy per encoding (Accept-Encoding normalised to br, gzip or
# nothing). Misses for one address wait for one fetch (Varnish's request coalescing). A copy
# past its s-maxage is served for 10 s more while one fetch refreshes it, and for up to an hour
# while the app servers do not answer. The app purges by surrogate key (PURGE with xkey-purge)
# and by address (PURGE of the address).

import std;
import xkey;

backend app {
    .host = "${backend_host}";
    .port = "${backend_port}";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .probe = {
        .url = "/manifest.webmanifest";
        .interval = 1s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
        # Healthy from the start: the app servers are up before the edge cache starts.
        .initial = 2;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
    ${purgers}
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address"));
        }
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged + " object(s)"));
        }
        # Expired but kept for grace: served while the app is down, refreshed when it is up.
        if (req.http.xkey-softpurge) {
            set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
            return (synth(200, "Expired " + req.http.x-purged + " object(s)"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)/" || req.url ~ "^/[a-z]{2}(-[a-z]+)?/(press|presse)/") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;)\s*(sessionid|csrftoken)=") {
        return (pass);
    }
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    # Tells the app's page cache not to answer with its own stale copy: this cache has one.
    set req.http.X-Edge-Cache = "varnish";
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    # Other cookies are ignored, as the app's page cache ignores them.
    return (hash);
}

sub vcl_hit {
    if (obj.ttl <= 0s) {
        set req.http.x-edge-status = "STALE";
    } else {
        set req.http.x-edge-status = "HIT";
    }
}

sub vcl_miss {
    set req.http.x-edge-status = "MISS";
}

sub vcl_pass {
    set req.http.x-edge-status = "PASS";
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # An app server failing while a stale copy is served: keep serving that copy.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "s-maxage="
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Not for a shared cache; the next request for it goes to the app without waiting.
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        return (deliver);
    }
    # Only anonymous requests reach here: the app's Vary on Cookie would keep a copy per
    # analytics cookie for nothing.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)\s*\bCookie\b\s*,?", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, ",\s*$", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # One reader's rate-limit figures mean nothing to the next one served from this copy.
    unset beresp.http.RateLimit-Limit;
    unset beresp.http.RateLimit-Remaining;
    unset beresp.http.RateLimit-Reset;
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_deliver {
    set resp.http.X-Edge-Cache = req.http.x-edge-status;
    set resp.http.X-Edge-Hits = obj.hits;
    # The keys are for this cache; a CDN in front reads Surrogate-Key or Cache-Tag.
    unset resp.http.xkey;
}
