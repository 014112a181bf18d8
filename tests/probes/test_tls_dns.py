import asyncio
import datetime as dt

import trustme

from govlens.probes.dns_records import parse_nameservers
from govlens.probes.tls import describe_certificate, hsts_max_age
from govlens.sandbox.dns import start_dns


def test_certificate_described_from_der():
    ca = trustme.CA()
    cert = ca.issue_cert("www.a.gov.cn", not_before=dt.datetime(2010, 1, 1), not_after=dt.datetime(2012, 1, 1))
    from cryptography import x509
    der = x509.load_pem_x509_certificate(cert.cert_chain_pems[0].bytes()).public_bytes(
        __import__("cryptography.hazmat.primitives.serialization", fromlist=["Encoding"]).Encoding.DER)
    d = describe_certificate(der)
    assert d["not_after"].startswith("2012-01-01") and d["days_left"] < 0
    assert d["subject_alt_names"] == ["www.a.gov.cn"] and not d["self_signed"]


def test_hsts_max_age():
    assert hsts_max_age("max-age=31536000; includeSubDomains") == 31536000
    assert hsts_max_age('includeSubDomains; max-age="600"') == 600
    assert hsts_max_age("includeSubDomains") is None and hsts_max_age(None) is None


def test_parse_nameservers():
    assert parse_nameservers("10.0.0.53:5353, 10.0.0.54") == [("10.0.0.53", 5353), ("10.0.0.54", 53)]
    assert parse_nameservers("[2001:db8::1]:53; 2001:db8::2") == [("2001:db8::1", 53), ("2001:db8::2", 53)]
    assert parse_nameservers("") == []


def test_dns_probe_against_the_sandbox_server(settings):
    from govlens.probes.base import ProbeContext
    from govlens.probes.dns_records import DnsProbe
    from govlens.probes.fetch import Fetcher
    from govlens.probes.link_check import LinkChecker
    from govlens.registry.model import Platform

    def platform(pid, host):
        return Platform(id=pid, name=pid, kind="website", org_type="government", level="county", province="浙江",
                        region="east", url=f"http://{host}/", group="county")

    async def main():
        transport, server, port = await start_dns({"v6.gov.cn": (True, True), "v4.gov.cn": (True, False)})
        try:
            s = settings()
            state = {"http_port": 1, "dns_port": port, "hosts": ["v6.gov.cn", "v4.gov.cn", "gone.gov.cn"]}
            async with Fetcher(s, sandbox_state=state) as f:
                probe = DnsProbe()
                await probe.setup(ProbeContext(settings=s, fetcher=f, link_checker=LinkChecker(f, s),
                                               check_date=dt.date(2013, 12, 25), sandbox_state=state))
                out = []
                for p in (platform("a", "v6.gov.cn"), platform("b", "v4.gov.cn"), platform("c", "gone.gov.cn")):
                    out += await probe.probe(p)
                return out, server.queries
        finally:
            transport.close()

    (v6, v4, gone), queries = asyncio.run(main())
    assert v6.data["a"] == ["127.0.0.1"] and v6.data["aaaa"] == ["::1"] and v6.status == "completed"
    assert v4.data["aaaa"] == [] and v4.data["aaaa_error"] is None
    assert gone.data["a"] == [] and gone.data["aaaa"] == []         # NXDOMAIN is an answer
    assert queries == 6
