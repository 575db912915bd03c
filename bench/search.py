"""make bench-search: the reader search on the 100,000-item archive of ``make bench``.

1. the index (``newsroom search-index rebuild`` when the archive has none);
2. the floor: each query's top 10 (with its count) straight from tantivy, in this process,
   the very query the server builds (``newsroom.search.engine.searching``);
3. through the server (``newsroom serve``, page cache off), one request at a time: p50 and
   p99 of each query, relevance and newest first, pages 1 and 50, beside the floor;
4. 32 connections (wrk) on a common word and a rare name: requests/s, p99, errors;
5. scale: an index filled directly with 1,000,000 synthetic entries (the archive's text
   generator, no pages), the same queries' top 10, its size and build time against 100,000.

Results go to bench/results/search-<time>.json and are printed as tables.
Environment: as bench/run.py (BENCH_DATA, BENCH_PORT, WEB_WORKERS, BENCH_DATABASE_URL), and
BENCH_SEARCH_REPEATS (30 requests per address), BENCH_SCALE (1000000; 0 skips step 5).
"""

import datetime
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402 - the benchmark's archive, servers and wrk, shared

REPEATS = int(os.environ.get("BENCH_SEARCH_REPEATS", "30"))
SCALE = int(os.environ.get("BENCH_SCALE", "1000000"))
QUERIES = {
    "rare name": "Kallas",
    "common word": "summit",
    "word in most items": "allies",
    "two words": "defence ministers",
    "three words": "allies discuss security",
    "phrase": '"north atlantic council"',
}
RESULTS = run.ROOT / "bench" / "results"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary(times_ms):
    return {
        "p50_ms": round(statistics.median(times_ms), 3),
        "p99_ms": round(percentile(times_ms, 0.99), 3),
    }


def floor(index, text, *, newest, offset, searching):
    from newsroom.news.models.items import expired_but_live

    filters = searching.Filters(language="en", excluded_ids=tuple(expired_but_live()))
    prepared = searching.prepare(text, filters)
    times, total = [], 0
    for _ in range(REPEATS):
        started = time.perf_counter()
        page = searching.page(index, prepared, offset=offset, limit=10, newest=newest)
        times.append((time.perf_counter() - started) * 1000)
        total = page.total
    facet_times = []
    for _ in range(max(3, REPEATS // 3)):
        started = time.perf_counter()
        searching.facets(index, prepared)
        facet_times.append((time.perf_counter() - started) * 1000)
    return {**summary(times), "matches": total, "facets_p50_ms": summary(facet_times)["p50_ms"]}


def through_server(base, url):
    times, status = [], None
    run.fetch(base + url)  # the worker's first sight of this query
    for _ in range(REPEATS):
        started = time.perf_counter()
        try:
            status = run.fetch(base + url)[0]
        except urllib.error.HTTPError as error:
            status = error.code
        times.append((time.perf_counter() - started) * 1000)
    return {**summary(times), "status": status}


def scale_test(count, searching, documents, analysis):
    """Fill an index directly with ``count`` synthetic entries; time the same queries."""
    import tantivy

    from newsroom.synthetic import words

    rng = words.make_rng(7)
    folder = Path(tempfile.mkdtemp(prefix="newsroom-search-scale-"))
    index = tantivy.Index(documents.SCHEMA, str(folder))
    writer = index.writer(400_000_000, 2)
    started = time.perf_counter()
    day0 = datetime.date(2011, 1, 1).toordinal()
    types = ["story", "video", "press-release", "speech", "advisory"]
    for number in range(count):
        doc = tantivy.Document()
        day = day0 + rng.randrange(15 * 365)
        title, teaser = words.headline(rng), words.teaser(rng)
        body = " ".join(words.paragraph(rng) for _ in range(rng.randint(3, 6)))
        doc.add_unsigned("id", number + 1)
        doc.add_text("lang", "en")
        doc.add_text("type", rng.choice(types))
        doc.add_unsigned("topic", rng.randrange(12) + 1)
        doc.add_integer("day", day)
        doc.add_integer("year", datetime.date.fromordinal(day).year)
        doc.add_integer("newest", day * 10**6 + number)
        doc.add_text("title", analysis.analysed(title, "en"))
        doc.add_text("teaser", analysis.analysed(teaser, "en"))
        doc.add_text("text", analysis.analysed(body, "en"))
        shown = {"title": title, "teaser": teaser, "body": body[:2000], "url": ""}
        doc.add_bytes("shown", json.dumps(shown).encode())
        writer.add_document(doc)
        if number and number % 100_000 == 0:
            run.say(f"scale: {number:,} entries, {time.perf_counter() - started:.0f} s")
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    build_s = time.perf_counter() - started
    size_mb = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6
    rows = {}
    for name, text in QUERIES.items():
        for newest in (False, True):
            key = f"{name}, {'newest' if newest else 'relevance'}"
            rows[key] = floor(index, text, newest=newest, offset=0, searching=searching)
    shutil.rmtree(folder, ignore_errors=True)
    return {"entries": count, "build_s": round(build_s, 1), "size_mb": round(size_mb, 1)}, rows


def index_size_mb(folder):
    return round(sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6, 1)


def main():
    run.ensure_database()
    run.setup_django()
    from django.core.management import call_command

    from newsroom.search.engine import analysis, documents, searching, store

    try:
        index = store.current_index()
    except store.Unavailable:
        run.say("building the search index (minutes; kept for later runs)")
        call_command("search_index", "rebuild")
        index = store.current_index()
    result = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": run.VENDOR,
        "items": run.ITEMS,
        "workers": run.WORKERS,
        "load": os.getloadavg()[0],
        "index_mb": index_size_mb(store.root()),
        "rows": [],
    }
    run.say("the floor: tantivy in this process")
    floors = {}
    for name, text in QUERIES.items():
        for newest in (False, True):
            for page in (1, 50):
                floors[(name, newest, page)] = floor(
                    index, text, newest=newest, offset=(page - 1) * 10, searching=searching
                )
    run.manage("collectstatic", "--no-input", "-v", "0")  # as make bench: served pages need it
    run.say("through the server, one request at a time")
    server = run.newsroom_server(cache_on=False)
    base = f"http://{run.HOST}:{run.PORT}"
    try:
        for (name, newest, page), engine in floors.items():
            params = {"q": QUERIES[name], "page": page}
            if newest:
                params["sort"] = "newest"
            url = "/en/search/?" + urllib.parse.urlencode(params)
            served = through_server(base, url)
            result["rows"].append(
                {
                    "query": name,
                    "q": QUERIES[name],
                    "order": "newest" if newest else "relevance",
                    "page": page,
                    "matches": engine["matches"],
                    "server": served,
                    "floor": engine,
                    "ratio_p50": round(served["p50_ms"] / max(engine["p50_ms"], 0.001), 1),
                }
            )
        run.say(f"{run.CONNECTIONS} connections (wrk)")
        result["load_test"] = {
            name: run.wrk(base + "/en/search/?" + urllib.parse.urlencode({"q": text}))
            for name, text in (("common word", "summit"), ("rare name", "Kallas"))
        }
    finally:
        server.stop()
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H%M%S+0000")
    path = RESULTS / f"search-{stamp}.json"
    path.write_text(json.dumps(result, indent=2))  # kept even if the scale test fails
    if SCALE:
        for count in sorted({min(100_000, SCALE), SCALE}):
            run.say(f"scale: {count:,} entries straight into an index")
            figures, rows = scale_test(count, searching, documents, analysis)
            result.setdefault("scale", []).append({**figures, "rows": rows})
            path.write_text(json.dumps(result, indent=2))
    print_tables(result)
    run.say(f"written to {path}")


def print_tables(result):
    print(f"\n{result['database']}, {result['items']:,} items, index {result['index_mb']} MB")
    print(f"{'query':<22}{'order':<10}{'page':>5}{'matches':>9}{'p50':>9}{'p99':>9}"
          f"{'floor p50':>11}{'floor p99':>11}{'ratio':>7}{'facets':>8}")  # fmt: skip
    for row in result["rows"]:
        print(
            f"{row['query']:<22}{row['order']:<10}{row['page']:>5}{row['matches']:>9,}"
            f"{row['server']['p50_ms']:>9.1f}{row['server']['p99_ms']:>9.1f}"
            f"{row['floor']['p50_ms']:>11.2f}{row['floor']['p99_ms']:>11.2f}"
            f"{row['ratio_p50']:>7.1f}{row['floor']['facets_p50_ms']:>8.1f}"
        )
    for name, figures in result.get("load_test", {}).items():
        print(f"32 connections, {name}: {figures}")
    for scale in result.get("scale", []):
        print(f"scale: {scale['entries']:,} entries, {scale['build_s']} s, {scale['size_mb']} MB")
        for name, figures in scale["rows"].items():
            print(f"  {name:<36}{figures['matches']:>10,}  p50 {figures['p50_ms']:.2f} ms"
                  f"  p99 {figures['p99_ms']:.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
