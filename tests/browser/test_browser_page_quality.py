"""Every public page type through Lighthouse 12 (mobile and desktop) and the Nu HTML checker.

Lighthouse must score 100 in all four categories, and pass its image audits, on every page
below, unless docs/architecture/tests.md gives that page, form factor and category a reason
(its table "Lighthouse below 100"). The Nu checker must report no error. Both checkers are
pinned npm packages in tests/browser/checkers/ (package-lock.json), installed by
scripts/ensure-page-checkers.sh (`make test` runs it); Lighthouse drives Debian's Chromium.

How Lighthouse runs, and why (checkers/lighthouse.mjs):

- Simulated throttling, Lighthouse's default: one unthrottled load, from which it computes what
  a slow 4G phone (or a desktop on a fast line) would see, so the network costs of a page (its
  bytes, its chains of requests) count although the server is on this machine. `provided`
  would measure a network with no latency and, by Lighthouse's rule, waits at least 5.25 s of
  quiet four times a page; `devtools` really throttles and takes longer still.
- No CPU slowdown (cpuSlowdownMultiplier 1, Lighthouse's mobile default is 4): the factor is
  calibrated on a developer's desktop, and the test machines are shared 2-core ones, already
  slower than that; at 4x a page with no script of its own lost 1-7 points of Total Blocking
  Time from one run to the next.
- Shorter quiet windows (500 ms instead of 1 s): the pages have no script that loads more.
- Parallel workers (LIGHTHOUSE_WORKERS, 2), each a Node process with its own Chromium and empty
  profile (Lighthouse keeps global state; two runs in one process break each other's traces).
  A page below 100 in performance is measured once more, alone, and the better run counts.
- Measured on the shared 2-core machine (load average about 17, with two other suites): 34 runs
  in about 5 minutes, 6-20 s each; the Nu checker checks the 17 pages in one Java run.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, ROOT

CHECKERS = Path(__file__).resolve().parent / "checkers"
LIGHTHOUSE = CHECKERS / "lighthouse.mjs"
VNU = CHECKERS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
REASONS = ROOT / "docs" / "architecture" / "tests.md"
# Lighthouse starts Chromium itself, headless.
CHROMIUM_FLAGS = ["--headless", *CHROMIUM_ARGS]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
WORKERS = int(os.environ.get("LIGHTHOUSE_WORKERS", "2"))

# Every public page type, by name: (address, status).
PAGES = {
    "front": ("/en/", 200),
    "news": ("/en/news/", 200),
    "archive": ("/en/news/2023/11/", 200),
    "story": ("/en/news/2023/11/17/secretary-general-joins-eu-college-of-commissioners/", 200),
    "video": ("/en/news/2023/11/17/test-clip/", 200),
    "video-external": (
        "/en/news/2023/11/10/the-european-union-a-unique-and-essential-partner-for-nato/",
        200,
    ),
    "press-release": (
        "/en/news/2023/11/06/nato-opens-first-resilience-course-for-civil-experts/",
        200,
    ),
    "speech": (
        "/en/news/2023/11/08/speech-by-the-secretary-general-accepting-the-kissinger-prize/",
        200,
    ),
    "advisory": (
        "/en/news/2023/11/08/media-advisory-secretary-general-meets-prime-minister-rutte/",
        200,
    ),
    "topic": ("/en/topics/ukraine/", 200),
    "person": ("/en/people/mircea-geoana/", 200),
    "search-results": ("/en/search/?q=Geoana", 200),
    "search-empty": ("/en/search/?q=zebra+crossing", 200),
    "press": ("/en/press/sign-in/?next=/en/press/", 200),
    "media": ("/en/media/", 200),
    "events": ("/en/events/", 200),
    "not-found": ("/en/news/2023/13/", 404),
}
FORM_FACTORS = ["mobile", "desktop"]


def documented_reasons():
    """{(page, form factor, category): reason} from the table under "Lighthouse below 100"."""
    text = REASONS.read_text()
    section = text.split("Lighthouse below 100", 1)[1].split("\n#", 1)[0]
    reasons = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not line.startswith("|") or set(cells[0]) <= {"-", " ", ":"}:
            continue
        page, form_factors, categories, reason = cells
        if page.strip("`") not in PAGES or not reason:
            continue
        for form_factor in re.split(r",\s*", form_factors):
            for category in re.split(r",\s*", categories):
                reasons[(page.strip("`"), form_factor, category)] = reason
    return reasons


def lighthouse(node, runs, tmp_path, attempts=2, workers=WORKERS):
    """The runs' results from checkers/lighthouse.mjs. A worker whose Chromium went away (on a
    shared machine something else may end it) stops; its remaining pages run once more."""
    results, stopped = [], ""
    for attempt in range(attempts):
        finished = {(r["name"], r["form_factor"]) for r in results}
        todo = [run for run in runs if (run["name"], run["form_factor"]) not in finished]
        if not todo:
            break
        tmp_path.mkdir(exist_ok=True)
        jobs = tmp_path / f"jobs-{attempt}.json"
        settings = {"chromium": CHROMIUM, "flags": CHROMIUM_FLAGS, "workers": workers}
        jobs.write_text(json.dumps({**settings, "quiet_ms": 500, "runs": todo}))
        done = subprocess.run(
            [node, str(LIGHTHOUSE), str(jobs)], capture_output=True, text=True, timeout=900
        )
        results += [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode:
            stopped += f"attempt {attempt + 1}: {done.stderr[-2000:]}\n"
    return results, stopped


def performance(result):
    return result["scores"].get("performance") or 0


@pytest.fixture(scope="module")
def checkers():
    node = shutil.which("node")
    if not (node and (CHECKERS / "node_modules" / "lighthouse").is_dir() and VNU.is_file()):
        pytest.fail("the page checkers are missing: run `bash scripts/ensure-page-checkers.sh`")
    return node


def test_documented_reasons_are_read():
    # The reasons table is read at all (a renamed heading would excuse nothing, silently).
    assert ("not-found", "mobile", "seo") in documented_reasons()


def test_lighthouse_scores_100_on_every_public_page_type(newsroom, checkers, tmp_path):
    runs = [
        {
            "name": name,
            "url": newsroom.url + path,
            "form_factor": form_factor,
            "expect_error": status >= 400,
        }
        for name, (path, status) in PAGES.items()
        for form_factor in FORM_FACTORS
    ]
    results, stopped = lighthouse(checkers, runs, tmp_path)
    assert len(results) == len(runs), stopped
    if stopped:
        print(f"Lighthouse stopped once and finished the rest again: {stopped}", file=sys.stderr)
    # Performance on a shared machine: a page below 100 is measured again, alone, and the
    # better run counts (two workers beside the server and other tests cost it points of Speed
    # Index and First Contentful Paint from one run to the next).
    slow = [r for r in results if performance(r) < 100 and not r["error"]]
    again = [run for run in runs if (run["name"], run["form_factor"]) in
             {(r["name"], r["form_factor"]) for r in slow}]  # fmt: skip
    if again:
        retried, _ = lighthouse(checkers, again, tmp_path / "again", workers=1)
        better = {(r["name"], r["form_factor"]): r for r in retried if not r["error"]}
        for index, result in enumerate(results):
            second = better.get((result["name"], result["form_factor"]))
            if second and performance(second) > performance(result):
                results[index] = second

    reasons = documented_reasons()
    table, failures = [], []
    for result in sorted(results, key=lambda r: (list(PAGES).index(r["name"]), r["form_factor"])):
        scores = result["scores"]
        table.append(
            f"{result['name']:<16}{result['form_factor']:<9}"
            + "".join(f"{str(scores[c]):>16}" for c in CATEGORIES)
            + f"{result['seconds']:>8.1f} s"
        )
        if result["error"]:
            failures.append(f"{result['name']} {result['form_factor']}: {result['error']}")
            continue
        for category in CATEGORIES:
            lost = [item for item in result["lost"] if item["category"] == category]
            key = (result["name"], result["form_factor"], category)
            # a metric short of its best may still round to 100; an image audit may not fail
            failed = scores[category] != 100 or any(item.get("image") for item in lost)
            if failed and key not in reasons:
                failures.append(
                    f"{result['name']} {result['form_factor']} {category} {scores[category]}: "
                    + "; ".join(f"{i['audit']} ({i['title']}) {i['where']}" for i in lost)
                )
    header = f"{'page':<16}{'device':<9}" + "".join(f"{c:>16}" for c in CATEGORIES)
    print("\nLighthouse 12.2.3\n" + "\n".join([header, *table]), file=sys.stderr)
    assert not failures, "\n".join(failures)


def test_the_nu_checker_finds_no_error_on_every_public_page_type(newsroom, checkers, tmp_path):
    import urllib.error
    import urllib.request

    files = []
    for name, (path, status) in PAGES.items():
        try:
            with urllib.request.urlopen(newsroom.url + path, timeout=60) as response:  # noqa: S310
                body, got = response.read(), response.status
        except urllib.error.HTTPError as error:
            body, got = error.read(), error.code
        assert got == status, path
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(body)
    done = subprocess.run(
        [
            shutil.which("java") or "java",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--stdout",
            *map(str, files),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(done.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '')).stem} line {m.get('lastLine')}: {m['message']} "
        f"[{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m["type"] in {"error", "non-document-error"}
    ]
    print(f"\nNu HTML checker: {len(files)} pages, {len(errors)} errors", file=sys.stderr)
    assert not errors, "\n".join(errors)
