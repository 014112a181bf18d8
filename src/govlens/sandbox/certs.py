"""The sandbox's TLS: a small certificate per host, issued on the first handshake that names it (SNI).

Why per host: one certificate naming every host (3,138 names at 3,000 sites) made each TLS
handshake cost more as the sandbox grew — every client decodes the whole certificate
(asyncio reads the peer certificate as a dict on every handshake), so a 3,000-site scan spent a
fifth of its CPU there and the sandbox could not stand in for 100,000 TLS sites. A one-name
certificate costs the same at any size.

How: the listening context's SNI callback looks the server name up in a bounded LRU of server
contexts (:data:`CONTEXTS_KEPT`) and, when it is not there, signs the host's certificate with the
sandbox CA (``cryptography``; about 0.5 ms a host). Every valid certificate carries the same key,
as the all-names certificate did: the browser probe trusts the sandbox by the SPKI pin of the
certificate it reads from one host (:func:`govlens.probes.gatherers.browser.pool.sandbox_flags`),
so one pin still covers every host. The expired hosts' certificates carry a key of their own, as
before (their window ends a year before the sandbox's date). Validity dates are fixed, so a
certificate signed again after eviction describes the same facts. Hosts the sandbox does not serve,
and names no certificate may carry, get the default certificate, which names only
:data:`UNKNOWN_NAME` (a browser refuses it for the wrong host, as it refused the all-names
certificate that did not list them). trustme makes the CA (its ``issue_cert`` makes a key per
certificate, so the leaves are built here).
"""
from __future__ import annotations

import datetime as dt
import re
import ssl
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable

import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CONTEXTS_KEPT = 4096                 # per-host server contexts kept (least recently used first out)
UNKNOWN_NAME = "unknown.sandbox.invalid"
_DNS_NAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


VALID_FROM, VALID_UNTIL = dt.datetime(2000, 1, 1), dt.datetime(3000, 1, 1)    # trustme's own defaults


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                             serialization.NoEncryption())


class _Issuer:
    """Leaf certificates signed by the sandbox CA, all for one key (see the module docstring)."""

    def __init__(self, ca: trustme.CA) -> None:
        self.ca_key = serialization.load_pem_private_key(ca.private_key_pem.bytes(), None)
        self.ca_cert = x509.load_pem_x509_certificate(ca.cert_pem.bytes())
        self.aki = x509.AuthorityKeyIdentifier.from_issuer_public_key(self.ca_key.public_key())  # type: ignore[arg-type]

    def context(self, name: str, key: ec.EllipticCurvePrivateKey, not_before: dt.datetime = VALID_FROM,
                not_after: dt.datetime = VALID_UNTIL) -> ssl.SSLContext:
        """A server context presenting a certificate for ``name`` with ``key``."""
        cert = (x509.CertificateBuilder()
                .subject_name(x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "govlens sandbox")]))
                .issuer_name(self.ca_cert.subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(not_before).not_valid_after(not_after)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(self.aki, critical=False)
                .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=True)
                .sign(self.ca_key, hashes.SHA256()))  # type: ignore[arg-type]
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        with tempfile.NamedTemporaryFile(suffix=".pem") as f:     # the ssl module loads a chain from a file only
            f.write(_pem_key(key) + cert.public_bytes(serialization.Encoding.PEM))
            f.flush()
            ctx.load_cert_chain(f.name)
        return ctx


class HostCertificates:
    """Per-host server contexts from one CA, chosen by SNI (see the module docstring)."""

    def __init__(self, ca: trustme.CA, hosts: Iterable[str], expired: Iterable[str], as_of: dt.date,
                 kept: int = CONTEXTS_KEPT) -> None:
        self.issuer = _Issuer(ca)
        self.key, self.expired_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
        self.expired = {h.lower() for h in expired}
        self.hosts = {h.lower() for h in hosts if _DNS_NAME.match(h.lower())} | self.expired
        end = dt.datetime.combine(as_of, dt.time()) - dt.timedelta(days=365)
        self.expired_window = (end - dt.timedelta(days=730), end)
        self.kept = max(1, kept)
        self.contexts: OrderedDict[str, ssl.SSLContext] = OrderedDict()
        self.issued = 0                  # certificates issued (a host again after eviction counts again)
        self._lock = threading.Lock()    # handshakes of the hostile web's loop may ask too
        self.default = self.issuer.context(UNKNOWN_NAME, self.key)
        self.default.sni_callback = self.pick  # type: ignore[assignment]

    def context_for(self, server_name: str | None) -> ssl.SSLContext:
        """The server context for ``server_name``: its own certificate, or the default one."""
        name = (server_name or "").lower().rstrip(".")
        if name not in self.hosts:
            return self.default
        with self._lock:
            ctx = self.contexts.get(name)
            if ctx is not None:
                self.contexts.move_to_end(name)
                return ctx
        if name in self.expired:
            ctx = self.issuer.context(name, self.expired_key, *self.expired_window)
        else:
            ctx = self.issuer.context(name, self.key)
        with self._lock:
            self.issued += 1
            self.contexts[name] = ctx
            while len(self.contexts) > self.kept:
                self.contexts.popitem(last=False)
        return ctx

    def pick(self, sslobj: ssl.SSLObject, server_name: str | None, _ctx: ssl.SSLContext) -> None:
        """The SNI callback: present the host's own certificate."""
        ctx = self.context_for(server_name)
        if ctx is not self.default:
            sslobj.context = ctx
