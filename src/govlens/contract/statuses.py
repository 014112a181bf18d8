"""The visit-status vocabulary: how one visit (one fetch of one URL) ended.

Like :mod:`govlens.contract.defects`, this is vocabulary shared by the scanner and the sandbox: the
probes record exactly one of these per observation, and the hostile sandbox writes, as its
ground truth, the one a correct scanner must record for each misbehaving site. Nothing
else passes between them. Modelled on GSA Site Scanning's statuses.

A status is coarse on purpose (indicators count failures by it); where the cause matters
to the site's owner, a *cause* says more: an expired certificate is a different fix from a
self-signed one, though both are ``tls_error``.
"""
from __future__ import annotations

COMPLETED = "completed"                    # a full response was received (any 1xx-3xx status)
HTTP_ERROR = "http_error"                  # a full response with status >= 400
TIMEOUT = "timeout"                        # no complete response within HTTP_TIMEOUT (incl. slow drip)
DNS_ERROR = "dns_error"                    # the name does not resolve
CONNECTION_REFUSED = "connection_refused"  # nothing listens on the port
CONNECTION_RESET = "connection_reset"      # the server dropped the connection (RST, or closed early)
CONNECTION_ERROR = "connection_error"      # any other network failure
PROTOCOL_ERROR = "protocol_error"          # not valid HTTP: bad chunked encoding, short body, garbage
TLS_ERROR = "tls_error"                    # TLS failed: handshake, or the certificate (see the causes)
TOO_LARGE = "too_large"                    # body (on the wire or decompressed) over its cap
TOO_MANY_REDIRECTS = "too_many_redirects"  # more than HTTP_MAX_REDIRECTS hops (loops included)
BLOCKED_BY_ROBOTS = "blocked_by_robots"    # robots.txt refuses it: not requested
BLOCKED_TARGET = "blocked_target"          # a loopback / private / link-local / metadata address: not requested
DECODE_ERROR = "decode_error"              # the body cannot be decoded (content encoding, charset)
NOT_HTML = "not_html"                      # a page that is not HTML (binary, or another type)
INVALID_URL = "invalid_url"                # not an http(s) URL
NOT_IN_ARCHIVE = "not_in_archive"          # WARC mode: the archives hold no record of the URL (nothing requested)

VISIT_STATUSES: tuple[str, ...] = (
    COMPLETED, HTTP_ERROR, TIMEOUT, DNS_ERROR, CONNECTION_REFUSED, CONNECTION_RESET, CONNECTION_ERROR,
    PROTOCOL_ERROR, TLS_ERROR, TOO_LARGE, TOO_MANY_REDIRECTS, BLOCKED_BY_ROBOTS, BLOCKED_TARGET,
    DECODE_ERROR, NOT_HTML, INVALID_URL, NOT_IN_ARCHIVE,
)

# Causes of a tls_error, recorded beside the status (``cause`` in the observation's data).
CERT_EXPIRED = "cert_expired"              # the certificate is expired (or not yet valid)
CERT_UNTRUSTED = "cert_untrusted"          # self-signed, or issued by an unknown authority
CERT_WRONG_HOST = "cert_wrong_host"        # valid, but for another host name
TLS_CAUSES: tuple[str, ...] = (CERT_EXPIRED, CERT_UNTRUSTED, CERT_WRONG_HOST)
