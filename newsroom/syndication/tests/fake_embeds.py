"""A Wagtail embed finder for tests: answers every address without touching the network."""

from wagtail.embeds.finders.base import EmbedFinder


class FakeVideoFinder(EmbedFinder):
    def __init__(self, **options):
        pass

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        video_id = url.rstrip("/").rsplit("/", 1)[-1]
        return {
            "title": "A test video",
            "author_name": "Test",
            "provider_name": "Test video host",
            "type": "video",
            "thumbnail_url": "https://video.example.org/thumb.jpg",
            "width": 640,
            "height": 360,
            "html": f'<iframe src="https://video.example.org/embed/{video_id}?a=1&amp;b=2" '
            'width="640" height="360" title="A test video"></iframe>',
        }
