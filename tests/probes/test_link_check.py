import asyncio
from collections import Counter

from aiohttp import web

from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.link_check import LinkChecker, link_key


def test_each_url_checked_once_even_concurrently(serve, settings):
    hits: Counter = Counter()

    async def handler(request):
        hits[(request.method, request.path)] += 1
        await asyncio.sleep(0.05)
        if request.path == "/gone":
            return web.Response(status=404)
        if request.path == "/nohead" and request.method == "HEAD":
            return web.Response(status=405)
        return web.Response(text="ok")

    a = web.Application()
    a.router.add_route("*", "/{tail:.*}", handler)

    async def main():
        async with serve(a) as port:
            s = settings()
            async with Fetcher(s) as f:
                checker = LinkChecker(f, s)
                base = f"http://127.0.0.1:{port}"
                urls = [f"{base}/ok", f"{base}/gone", f"{base}/nohead"] * 5
                results = await asyncio.gather(*(checker.check(u) for u in urls))
                again = await checker.check(f"{base}/ok")
        return base, results, again, checker

    base, results, again, checker = asyncio.run(main())
    assert hits[("HEAD", "/ok")] == 1 and hits[("HEAD", "/gone")] == 1
    assert hits[("HEAD", "/nohead")] == 1 and hits[("GET", "/nohead")] == 1
    assert hits[("GET", "/gone")] == 0
    by_url = {r.url: r for r in results}
    assert by_url[f"{base}/ok"].ok and by_url[f"{base}/ok"].method == "HEAD"
    assert by_url[f"{base}/gone"].status == "http_error" and by_url[f"{base}/gone"].http_status == 404
    assert by_url[f"{base}/nohead"].ok and by_url[f"{base}/nohead"].method == "GET"
    assert again.ok and checker.checks == 3


def test_cache_is_bounded(serve, settings):
    async def handler(request):
        return web.Response(text="ok")

    a = web.Application()
    a.router.add_route("*", "/{tail:.*}", handler)

    async def main():
        async with serve(a) as port:
            s = settings(LINKS_CACHE_SIZE=10)
            async with Fetcher(s) as f:
                checker = LinkChecker(f, s)
                for i in range(30):
                    await checker.check(f"http://127.0.0.1:{port}/{i}")
                return len(checker.cache)

    assert asyncio.run(main()) == 10


def test_a_timeout_gets_a_second_chance(serve, settings):
    hits: Counter = Counter()

    async def handler(request):
        hits[(request.method, request.path)] += 1
        if request.path == "/once" and hits[(request.method, request.path)] == 1 and request.method == "HEAD":
            await asyncio.sleep(2.0)                # the first answer comes too late
        if request.path == "/never":
            await asyncio.sleep(5.0)
        return web.Response(text="ok")

    a = web.Application()
    a.router.add_route("*", "/{tail:.*}", handler)

    async def main():
        async with serve(a) as port:
            s = settings(LINKS_TIMEOUT=0.5)
            async with Fetcher(s) as f:
                checker = LinkChecker(f, s)
                base = f"http://127.0.0.1:{port}"
                return await asyncio.gather(checker.check(f"{base}/once"), checker.check(f"{base}/never"))

    once, never = asyncio.run(main())
    assert once.ok and once.method == "GET" and hits[("HEAD", "/once")] == 1 and hits[("GET", "/once")] == 1
    assert never.status == "timeout" and hits[("GET", "/never")] == 1      # failed twice: broken


def test_one_target_written_two_ways_is_checked_once(serve, settings):
    hits: Counter = Counter()

    async def handler(request):
        hits[(request.method, request.path)] += 1
        return web.Response(text="ok")

    a = web.Application()
    a.router.add_route("*", "/{tail:.*}", handler)

    async def main():
        async with serve(a) as port:
            s = settings()
            async with Fetcher(s) as f:
                checker = LinkChecker(f, s)
                spellings = [f"http://127.0.0.1:{port}/a", f"HTTP://127.0.0.1:{port}/a#top",
                             f"http://127.0.0.1:{port}/a#", f"http://127.0.0.1:{port}/A"]
                results = await asyncio.gather(*(checker.check(u) for u in spellings))
                return results, checker.checks, dict(f.by_purpose)

    results, checks, purposes = asyncio.run(main())
    assert all(r.ok for r in results) and checks == 2                     # a path's case is the server's to tell
    assert hits == {("HEAD", "/a"): 1, ("HEAD", "/A"): 1} and purposes == {"link": 2}
    assert link_key("https://WWW.Gov.CN:443/x?q=1#f") == "https://www.gov.cn/x?q=1"
    assert link_key("http://www.gov.cn:8080") == "http://www.gov.cn:8080/"
