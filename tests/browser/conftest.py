"""Browser tests: the real production server and Debian's Chromium, shared by the whole session.

One session starts one newsroom (``newsroom setup`` then ``newsroom serve``: granian, DEBUG off,
one worker) on a free local port with its own data folder and the demo loaded, and one headless
Chromium (/usr/bin/chromium; ``scripts/ensure-chromium.sh`` installs it, `make test` runs that).
Each test gets fresh browser contexts (cold cache, no cookies) from the ``open_page`` fixture.

Browser tests run after every other test, and the ones that change the site's content (marked
``mutates_site``) run last, so every other test sees the demo as set up here.
"""

import base64
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, DEVICES, EDITOR, VIDEO_PAGE_TITLE

from deploy.cluster.services import embedded_env, free_port

BROWSER_TESTS = Path(__file__).resolve().parent
NEWSROOM = str(Path(sys.executable).parent / "newsroom")
PASSWORD_LINE = re.compile(r"password:\s+(\S+)")

# Run by `newsroom shell` in the test server's data folder: a press officer (Wagtail's
# Moderators group: edit and publish pages, upload images) and a video page whose video is an
# uploaded file recorded by the browser at test time (the demo's video is an external address).
SITE_ADDITIONS = """
import datetime, os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from newsroom.images.models import NewsroomImage
from newsroom.news.models import NewsIndexPage, VideoPage

user = get_user_model().objects.create_user(
    os.environ["EDITOR_USERNAME"], password=os.environ["EDITOR_PASSWORD"],
    first_name="Press", last_name="Officer",
)
user.groups.add(Group.objects.get(name="Moderators"))

Document = get_document_model()
video = Document(title="Test clip")
video.file.save("test-clip.webm", ContentFile(open(os.environ["VIDEO_FILE"], "rb").read()))
captions = Document(title="Test clip captions")
captions.file.save("test-clip.vtt", ContentFile(
    b"WEBVTT\\n\\n00:00.000 --> 00:01.500\\nA white square crosses a coloured screen.\\n"))
page = VideoPage(
    title=os.environ["VIDEO_TITLE"],
    slug="test-clip",
    display_date=datetime.date(2023, 11, 17),
    dateline="Brussels",
    teaser="A second and a half recorded by the browser tests: a square crosses the screen.",
    listing_image=NewsroomImage.objects.filter(title__icontains="video").first(),
    video_file=video,
    captions_file=captions,
    duration=datetime.timedelta(seconds=1),
)
NewsIndexPage.objects.get(locale__language_code="en").add_child(instance=page)
page.save_revision().publish()
"""

# Draws a moving square on a canvas and records it with MediaRecorder: a small VP8 WebM file
# made on the spot, so the test needs no video tools and downloads nothing.
RECORD_CLIP = """
async () => {
  const canvas = document.createElement('canvas');
  canvas.width = 160; canvas.height = 90;
  const ctx = canvas.getContext('2d');
  const recorder = new MediaRecorder(canvas.captureStream(15), {mimeType: 'video/webm;codecs=vp8'});
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
  recorder.start();
  for (let frame = 0; frame < 22; frame++) {
    ctx.fillStyle = `hsl(${frame * 15} 60% 40%)`;
    ctx.fillRect(0, 0, 160, 90);
    ctx.fillStyle = '#fff';
    ctx.fillRect(frame * 7, 35, 20, 20);
    await new Promise((resolve) => setTimeout(resolve, 66));
  }
  recorder.stop();
  await stopped;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
"""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "mutates_site: changes the browser tests' newsroom; runs after the others"
    )


def pytest_collection_modifyitems(config, items):
    """Browser tests last (Playwright's event loop must not overlap Django's database tests),
    and among them the ones that change the site last of all. The sort is stable."""

    def rank(item):
        if BROWSER_TESTS not in Path(item.path).parents:
            return 0
        return 2 if item.get_closest_marker("mutates_site") else 1

    items.sort(key=rank)


@dataclass
class Newsroom:
    """The running test newsroom."""

    url: str
    data_dir: Path
    env: dict
    admin_password: str
    log: Path
    pages: dict = field(default_factory=dict)

    def manage(self, *args, **env):
        """Run a `newsroom` command against this newsroom's data folder; return its output."""
        result = subprocess.run(
            [NEWSROOM, *args],
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout


def wait_until_served(url, process, log, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    pytest.fail(f"the server did not answer within {seconds} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make test` or `bash scripts/ensure-chromium.sh`")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture(scope="session")
def newsroom(browser, tmp_path_factory, request, migrated_sqlite):
    """Set up and serve a newsroom with the demo, a press officer and an uploaded video."""
    data_dir = migrated_sqlite(tmp_path_factory.mktemp("browser-newsroom"))
    # Collected static files are build output: keep them between sessions (collectstatic
    # takes ~20 s and reruns by itself whenever a static source changes).
    cache = getattr(request.config, "cache", None)
    static_root = cache.mkdir("newsroom-static") if cache else data_dir / "static"
    port = free_port()
    env = embedded_env(
        NEWSROOM_DATA_DIR=str(data_dir),
        NEWSROOM_STATIC_ROOT=str(static_root),
        NEWSROOM_OFFLINE_EMBEDS="1",
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_WORKERS="1",
    )
    setup = subprocess.run(
        [NEWSROOM, "setup"], env=env, capture_output=True, text=True, timeout=600
    )
    assert setup.returncode == 0, setup.stdout + setup.stderr
    site = Newsroom(
        url=f"http://127.0.0.1:{port}",
        data_dir=data_dir,
        env=env,
        admin_password=PASSWORD_LINE.search(setup.stdout).group(1),
        log=data_dir / "server.log",
    )

    clip = data_dir / "test-clip.webm"
    recorder = browser.new_page()
    clip.write_bytes(base64.b64decode(recorder.evaluate(RECORD_CLIP)))
    recorder.close()
    site.manage(
        "shell",
        "-c",
        SITE_ADDITIONS,
        EDITOR_USERNAME=EDITOR["username"],
        EDITOR_PASSWORD=EDITOR["password"],
        VIDEO_FILE=str(clip),
        VIDEO_TITLE=VIDEO_PAGE_TITLE,
    )

    with site.log.open("w") as log:
        process = subprocess.Popen(
            [NEWSROOM, "serve"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_served(f"{site.url}/en/", process, site.log)
        yield site
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


@pytest.fixture
def open_page(browser, newsroom):
    """open_page("phone" | "desktop") -> a Playwright page in a fresh context (cold cache).

    Requests that leave the test server are refused (no test reaches the network) and recorded
    in ``page.third_party_requests``."""
    contexts = []

    def open_page(device="desktop", **options):
        context = browser.new_context(base_url=newsroom.url, **{**DEVICES[device], **options})
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.third_party_requests = []

        def refuse(route):
            page.third_party_requests.append(route.request.url)
            route.abort()

        context.route(lambda url: not url.startswith(newsroom.url + "/"), refuse)
        return page

    yield open_page
    for context in contexts:
        context.close()
