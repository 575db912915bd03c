"""Images of listings and items: compact cards, WebP with a JPEG fallback, widths from the layout,
sizes set, no repeated width; through HTTP."""

import datetime
import re

import pytest
from django.core.files.images import ImageFile

from newsroom.images.factories import ImageFactory
from newsroom.news.factories import StoryPageFactory
from newsroom.topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db

SOURCE = re.compile(r'<source sizes="([^"]*)" srcset="([^"]*)" type="image/webp">')
FALLBACK = re.compile(r"<img [^>]*>")


def attribute(tag, name):
    return re.search(rf'\s{name}="([^"]*)"', tag).group(1)


def widths(srcset):
    return [int(candidate.rsplit(" ", 1)[1].rstrip("w")) for candidate in srcset.split(", ")]


def pictures(html):
    """(webp sizes, webp widths, fallback <img>) of each <picture> in ``html``."""
    found = []
    for picture in re.findall(r"<picture>(.*?)</picture>", html, re.S):
        sizes, srcset = SOURCE.search(picture).groups()
        found.append((sizes, widths(srcset), FALLBACK.search(picture).group(0)))
    return found


@pytest.fixture
def story(news_index, topic_index):
    topic = TopicPageFactory(parent=topic_index, title="Ukraine")
    image = ImageFactory(file=ImageFile(_jpeg(1600, 900), name="wide.jpg"))
    return StoryPageFactory(
        parent=news_index,
        title="A story with a wide photo",
        display_date=datetime.date(2023, 11, 17),
        listing_image=image,
        topics=[topic],
    )


def _jpeg(width, height):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#003a70").save(buffer, "JPEG")
    buffer.seek(0)
    return buffer


@pytest.mark.parametrize("path", ["/en/news/", "/en/news/2023/11/", "/en/topics/ukraine/", "/en/"])
def test_listing_cards_are_compact_with_webp_and_a_sized_jpeg_fallback(client, story, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert 'class="card card--wide"' in html
    cards = [p for p in pictures(html) if "card__image" in p[2]]
    assert len(cards) == 1
    sizes, webp_widths, img = cards[0]
    # 16rem beside the text from 40em up, the column's width (less its padding) on phones
    assert sizes == "(min-width: 40em) 16rem, calc(100vw - 2rem)"
    assert webp_widths == [256, 512, 768, 1024]
    assert attribute(img, "sizes") == sizes
    assert widths(attribute(img, "srcset")) == [256, 512, 768, 1024]
    assert attribute(img, "src").endswith(".format-jpeg.jpg")
    assert (attribute(img, "width"), attribute(img, "height")) == ("256", "144")


def test_an_items_lead_image_follows_the_item_column(client, story):
    html = client.get(story.url).text
    sizes, webp_widths, img = pictures(html.split('class="item__image"')[1])[0]
    assert sizes == "(min-width: 48em) 46rem, calc(100vw - 2rem)"
    assert webp_widths == [480, 736, 1104, 1472]
    assert 'fetchpriority="high"' in img and "loading=" not in img
    assert (attribute(img, "width"), attribute(img, "height")) == ("480", "270")


def test_a_small_original_lists_each_width_once(client, news_index):
    # Wagtail never upscales: 600 px wide gives 512 and then 600 px for every larger spec.
    image = ImageFactory(file=ImageFile(_jpeg(600, 338), name="small.jpg"))
    StoryPageFactory(parent=news_index, listing_image=image)
    sizes, webp_widths, img = pictures(client.get("/en/news/").text)[0]
    assert webp_widths == [256, 512, 600]
    assert widths(attribute(img, "srcset")) == [256, 512, 600]


def test_media_library_tiles_follow_the_grid(client, story):
    from newsroom.core.blocks import GALLERY_PREVIEW_SPECS
    from newsroom.media.queries import TILE_SPECS

    story.save_revision().publish()  # the library lists the photos of published items
    sizes, webp_widths, img = pictures(client.get("/en/media/").text)[0]
    assert webp_widths == [272, 544, 688]
    assert sizes.startswith("(min-width: 72em) 16.75rem,") and sizes.endswith("calc(100vw - 2rem)")
    assert (attribute(img, "width"), attribute(img, "height")) == ("272", "204")
    # an item's gallery shows the same tiles, so it reuses the library's renditions
    assert GALLERY_PREVIEW_SPECS == TILE_SPECS
