"""Story and video pages: addresses, content blocks, related items, video playback markup."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from newsroom.images.factories import ImageFactory
from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.news.models import RelatedItem
from newsroom.topics.factories import PersonFactory, TopicPageFactory

pytestmark = pytest.mark.django_db


def test_item_address_uses_its_display_date(client, news_index):
    story = StoryPageFactory(
        parent=news_index, title="Allies meet", display_date=datetime.date(2023, 11, 15)
    )
    assert story.url == "/en/news/2023/11/15/allies-meet/"
    response = client.get(story.url)
    assert response.status_code == 200
    assert "<h1>Allies meet</h1>" in response.text
    assert "15 November 2023" in response.text


def test_plain_tree_address_and_old_date_redirect_to_the_dated_address(client, news_index):
    story = StoryPageFactory(
        parent=news_index, title="Moved", display_date=datetime.date(2023, 1, 2)
    )
    response = client.get("/en/news/moved/")
    assert response.status_code == 301
    assert response["Location"] == "/en/news/2023/01/02/moved/"
    old = client.get("/en/news/2022/12/31/moved/")
    assert old.status_code == 301 and old["Location"] == story.url


def test_unpublished_item_is_404(client, news_index):
    story = StoryPageFactory(parent=news_index, title="Draft only")
    url = story.url
    story.unpublish()
    assert client.get(url).status_code == 404


def test_story_body_blocks_render(client, news_index):
    image = ImageFactory(
        description="Two ministers shaking hands", caption="In Brussels", credit="NATO"
    )
    document = Document.objects.create(
        title="Final communiqué", file=ContentFile(b"%PDF-1.4 x", name="communique.pdf")
    )
    story = StoryPageFactory(
        parent=news_index,
        title="Ministers agree",
        dateline="Brussels",
        listing_image=image,
        body=[
            ("paragraph", RichText("<p>Ministers met <b>today</b>.</p>")),
            ("quote", {"text": "We stand together.", "attribution": "Jens Stoltenberg"}),
            ("fact_box", {"title": "Key figures", "body": RichText("<p>32 Allies</p>")}),
            ("image", {"image": image, "caption": ""}),
            ("document", {"document": document, "title": ""}),
            ("video", {"video": "https://video.example.org/watch/1", "caption": "The meeting"}),
        ],
    )
    html = client.get(story.url).text
    assert "Ministers met <b>today</b>." in html
    assert "<blockquote><p>We stand together.</p></blockquote>" in html
    assert "<figcaption>Jens Stoltenberg</figcaption>" in html
    assert "Key figures" in html and "32 Allies" in html
    assert 'alt="Two ministers shaking hands"' in html
    assert "In Brussels" in html and "© NATO" in html
    assert "Final communiqué" in html and "(PDF" in html
    assert 'src="https://video.example.org/watch/1"' in html  # through the offline embed finder
    assert "Brussels" in html


def test_related_items_curated_then_by_topic(client, news_index, topic_index):
    topic = TopicPageFactory(parent=topic_index, title="Resilience")
    older = StoryPageFactory(parent=news_index, title="Older on resilience", topics=[topic])
    StoryPageFactory(
        parent=news_index,
        title="Newer on resilience",
        display_date=datetime.date(2024, 1, 1),
        topics=[topic],
    )
    unrelated = StoryPageFactory(parent=news_index, title="Unrelated story")
    story = StoryPageFactory(parent=news_index, title="Main story", topics=[topic])
    assert [item.title for item in story.related_items()] == [
        "Newer on resilience",
        "Older on resilience",
    ]
    RelatedItem.objects.create(page=story, item=unrelated, sort_order=0)
    html = client.get(story.url).text
    related = html.split('id="related-heading"')[1]
    assert "Unrelated story" in related and "Newer on resilience" not in related
    assert older.title not in related


def test_item_lists_its_topics_and_people(client, news_index, topic_index):
    topic = TopicPageFactory(parent=topic_index, title="Ukraine")
    person = PersonFactory(name="Edgars Rinkēvičs", slug="edgars-rinkevics")
    story = StoryPageFactory(parent=news_index, topics=[topic], people=[person])
    html = client.get(story.url).text
    assert f'href="{topic.url}"' in html
    assert 'href="/en/people/edgars-rinkevics/">Edgars Rinkēvičs</a>' in html


def test_video_from_an_uploaded_file_plays_in_the_browser(client, news_index):
    video_file = Document.objects.create(
        title="Clip", file=ContentFile(b"\x00" * 64, name="clip.mp4")
    )
    captions = Document.objects.create(
        title="Captions", file=ContentFile(b"WEBVTT\n", name="clip.vtt")
    )
    video = VideoPageFactory(
        parent=news_index,
        video_url="",
        video_file=video_file,
        captions_file=captions,
        with_image=True,
        duration=datetime.timedelta(minutes=2, seconds=5),
    )
    html = client.get(video.url).text
    assert "<video controls" in html and 'poster="/media/' in html
    assert re.search(r'poster="/media/[^"]+\.format-webp\.webp"', html)  # no fallback: WebP
    assert f'<source src="{video_file.url}" type="video/mp4">' in html
    assert f'<track kind="captions" src="{captions.url}"' in html
    assert '<time datetime="PT125S">2:05</time>' in html
    assert "Narrator: the exercise" in html  # transcript


def test_video_from_an_external_address_is_embedded(client, news_index):
    video = VideoPageFactory(parent=news_index, video_url="https://video.example.org/watch/777")
    html = client.get(video.url).text
    assert '<iframe src="https://video.example.org/watch/777"' in html
    assert "<video" not in html


def test_video_needs_exactly_one_source(news_index):
    from django.core.exceptions import ValidationError

    video = VideoPageFactory.build(video_url="", title="No source")
    with pytest.raises(ValidationError, match="Upload a video file or give the address"):
        video.clean()


def test_teaser_is_limited_to_300_characters(news_index):
    from django.core.exceptions import ValidationError

    story = StoryPageFactory.build(teaser="x" * 301)
    with pytest.raises(ValidationError):
        story.full_clean(exclude=["path", "depth", "slug", "content_type", "locale"])


def test_duration_label():
    from newsroom.news.models import VideoPage

    assert VideoPage(duration=datetime.timedelta(seconds=59)).duration_label == "0:59"
    assert VideoPage(duration=datetime.timedelta(hours=1, seconds=3)).duration_label == "1:00:03"
    assert VideoPage(duration=None).duration_label == ""
