"""The hostile web's TLS: one server context that picks the certificate by SNI.

Expired, self-signed and wrong-host certificates for the TLS kinds, a good one from the sandbox CA
for every other hostile host, so each TLS failure the scanner must name has exactly one cause.
"""
from __future__ import annotations

import datetime as dt
import ssl
from pathlib import Path

import trustme

from govlens.sandbox import hostile as H


def _self_signed(host: str, folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "self-signed.pem", folder / "self-signed.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def tls_context(ca: trustme.CA, folder: Path) -> ssl.SSLContext:
    """A server context choosing the certificate by SNI (expired, self-signed, wrong host, good)."""
    folder.mkdir(parents=True, exist_ok=True)

    def ctx_with(cert: trustme.LeafCert | None = None, files: tuple[Path, Path] | None = None) -> ssl.SSLContext:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        if cert is not None:
            cert.configure_cert(ctx)
        elif files is not None:
            ctx.load_cert_chain(str(files[0]), str(files[1]))
        return ctx

    good = ctx_with(ca.issue_cert(*H.served_hosts()))
    by_name = {
        f"tls-expired.{H.DOMAIN}": ctx_with(ca.issue_cert(f"tls-expired.{H.DOMAIN}",
                                                          not_before=dt.datetime(2000, 1, 1),
                                                          not_after=dt.datetime(2001, 1, 1))),
        f"tls-self-signed.{H.DOMAIN}": ctx_with(files=_self_signed(f"tls-self-signed.{H.DOMAIN}", folder)),
        f"tls-wrong-host.{H.DOMAIN}": ctx_with(ca.issue_cert("www.another-site.gov.cn")),
    }

    def pick(sslobj: ssl.SSLObject, server_name: str | None, _ctx: ssl.SSLContext) -> None:
        chosen = by_name.get((server_name or "").lower())
        if chosen is not None:
            sslobj.context = chosen

    good.sni_callback = pick  # type: ignore[assignment]
    return good
