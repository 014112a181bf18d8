"""The sandbox presents each host its own one-name certificate (SNI), issued lazily, bounded, defects kept."""
from __future__ import annotations

import datetime as dt
import socket
import ssl

import trustme
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from govlens.contract import defects as D
from govlens.sandbox.certs import UNKNOWN_NAME, HostCertificates


def _peer(port: int, ca: str, host: str, verify: bool = True) -> tuple[x509.Certificate | None, str | None]:
    """The certificate ``host`` is served with (None and the reason when verification refuses it)."""
    ctx = ssl.create_default_context(cafile=ca)
    if not verify:
        ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
            with ctx.wrap_socket(raw, server_hostname=host) as tls:
                return x509.load_der_x509_certificate(tls.getpeercert(binary_form=True)), None
    except ssl.SSLCertVerificationError as exc:
        return None, exc.verify_message


def _spki(cert: x509.Certificate) -> bytes:
    return cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)


def _names(cert: x509.Certificate) -> list[str]:
    return cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value.get_values_for_type(x509.DNSName)


def test_each_host_gets_a_certificate_naming_only_itself(sandbox, web):
    a, b = [s for s in web.sites if not s.has(D.EXPIRED_CERTIFICATE)][:2]
    keys = set()
    for site in (a, b):
        cert, refused = _peer(sandbox.https_port, str(sandbox.ca_file), site.host)
        assert refused is None and _names(cert) == [site.host]      # the size does not grow with the sandbox
        keys.add(_spki(cert))
    national = next(iter(web.national))
    cert, refused = _peer(sandbox.https_port, str(sandbox.ca_file), national)
    assert refused is None and _names(cert) == [national]
    unknown, _ = _peer(sandbox.https_port, str(sandbox.ca_file), "www.not-in-the-sandbox.gov.cn", verify=False)
    assert keys == {_spki(cert)} == {_spki(unknown)}, "one key: the browser's one SPKI pin covers every host"


def test_defects_are_kept(sandbox, web):
    expired = next(x for x in web.sites if x.has(D.EXPIRED_CERTIFICATE))
    cert, refused = _peer(sandbox.https_port, str(sandbox.ca_file), expired.host)
    assert cert is None and "expired" in refused
    cert, _ = _peer(sandbox.https_port, str(sandbox.ca_file), expired.host, verify=False)
    assert _names(cert) == [expired.host] and cert.not_valid_after_utc.date() < web.as_of
    host = next(s.host for s in web.sites if not s.has(D.EXPIRED_CERTIFICATE))
    valid, _ = _peer(sandbox.https_port, str(sandbox.ca_file), host, verify=False)
    assert _spki(cert) != _spki(valid), "the expired certificates keep a key of their own (not pinned)"
    cert, refused = _peer(sandbox.https_port, str(sandbox.ca_file), "www.not-in-the-sandbox.gov.cn")
    assert cert is None and "mismatch" in refused                # a host not served: the wrong name, as before
    cert, _ = _peer(sandbox.https_port, str(sandbox.ca_file), "www.not-in-the-sandbox.gov.cn", verify=False)
    assert _names(cert) == [UNKNOWN_NAME]


def test_contexts_are_issued_once_and_bounded():
    certs = HostCertificates(trustme.CA(), ["a.gov.cn", "b.gov.cn", "c.gov.cn", "bad_name!"], ["old.gov.cn"],
                             dt.date(2013, 12, 10), kept=2)
    first = certs.context_for("A.gov.cn.")
    assert certs.context_for("a.gov.cn") is first and certs.issued == 1
    certs.context_for("b.gov.cn")
    certs.context_for("c.gov.cn")                                 # a.gov.cn is evicted
    assert list(certs.contexts) == ["b.gov.cn", "c.gov.cn"] and certs.issued == 3
    assert certs.context_for("a.gov.cn") is not first and certs.issued == 4
    assert certs.context_for("bad_name!") is certs.default and certs.context_for(None) is certs.default
    assert certs.context_for("old.gov.cn") is not certs.default
