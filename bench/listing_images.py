"""The news listing's render time with its images: the first render (every rendition made
then) and an uncached render (renditions made, page and card caches empty), in-process.

    NEWSROOM_DATA_DIR=<a data folder with the demo> .venv/bin/python bench/listing_images.py

It deletes the renditions of the listed items' images first (they are made again), so point it
at a throwaway data folder, never a production one.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ["NEWSROOM_PAGE_CACHE"] = "0"
URL = os.environ.get("BENCH_URL", "/en/news/")


def main():
    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.images import get_image_model

    from newsroom.news.models import NewsItemPage

    client = Client(HTTP_HOST="127.0.0.1")

    def clear_caches():
        for name in caches:
            caches[name].clear()

    def get():
        clear_caches()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL)
        assert response.status_code == 200, response.status_code
        return (time.perf_counter() - started) * 1000, len(queries), len(response.content)

    images = NewsItemPage.objects.visible().values("listing_image")
    renditions = get_image_model().get_rendition_model().objects.filter(image__in=images)
    for rendition in renditions:
        rendition.file.delete(save=False)
    renditions.delete()
    first, _, _ = get()
    made = renditions.count()
    runs = [get() for _ in range(9)]
    uncached = statistics.median(ms for ms, _, _ in runs)
    print(
        f"{URL}: first render {first:.0f} ms ({made} renditions made), uncached render "
        f"{uncached:.0f} ms (median of 9), {runs[0][1]} queries, {runs[0][2]:,} bytes of HTML"
    )


if __name__ == "__main__":
    main()
