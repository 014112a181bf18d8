import asyncio
import datetime as dt

import trustme

from govlens.probes.gatherers.dns_records import parse_nameservers
from govlens.probes.gatherers.tls import describe_certificate, hsts_max_age
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
    from govlens.probes.gatherers.dns_records import DnsProbe
    from govlens.probes.net.fetch import Fetcher
    from govlens.probes.net.link_check import LinkChecker
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


def test_dns_probe_asks_for_chinese_names_in_punycode(settings):
    """A .政务 name is asked as IDNA 2008 punycode; NXDOMAIN (not registered) and an empty answer differ."""
    from govlens.probes.base import ProbeContext
    from govlens.probes.gatherers.dns_records import DnsProbe, ascii_host
    from govlens.probes.net.fetch import Fetcher
    from govlens.probes.net.link_check import LinkChecker
    from govlens.registry.model import Platform

    def name(pid, idn):
        return Platform(id=pid, name=idn, kind="cn_domain", org_type="government", level="provincial",
                        province="浙江", region="east", url=f"http://{idn}/", group="cn_domain")

    zj = "浙江省人民政府.政务"
    assert ascii_host(zj) == "xn--gmq000bv3esyhdla33cp00b.xn--zfr164b"

    async def main():
        records = {ascii_host(zj): (True, False), ascii_host("河北机构编制.政务"): (False, False)}
        transport, server, port = await start_dns(records)
        try:
            s = settings()
            state = {"http_port": 1, "dns_port": port, "hosts": []}      # the HTTP side knows none of them
            async with Fetcher(s, sandbox_state=state) as f:
                probe = DnsProbe()
                await probe.setup(ProbeContext(settings=s, fetcher=f, link_checker=LinkChecker(f, s),
                                               check_date=dt.date(2013, 12, 25), sandbox_state=state))
                platforms = [name("a", zj), name("b", "河北机构编制.政务"), name("c", "云南省委编办.政务")]
                assert all(probe.prepare(p) for p in platforms)       # asked even though no website serves them
                return [o for p in platforms for o in await probe.probe(p)]
        finally:
            transport.close()

    registered, no_address, unregistered = asyncio.run(main())
    assert registered.data["a"] == ["127.0.0.1"] and registered.data["nxdomain"] is False
    assert registered.data["ascii_host"] == "xn--gmq000bv3esyhdla33cp00b.xn--zfr164b" and registered.url == f"dns:{zj}"
    assert no_address.data["a"] == [] and no_address.data["nxdomain"] is False
    assert unregistered.data["nxdomain"] is True and unregistered.status == "completed"
