"""An embed finder that never touches the network: used by the test suite and offline demos.

Switch it on with NEWSROOM_OFFLINE_EMBEDS=1 (the tests always do)."""

from wagtail.embeds.finders.base import EmbedFinder


class OfflineEmbedFinder(EmbedFinder):
    def accept(self, url):
        return url.startswith(("http://", "https://"))

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Video",
            "author_name": "Newsroom",
            "provider_name": "Offline video",
            "type": "video",
            "thumbnail_url": "",
            "width": 640,
            "height": 360,
            "html": (
                f'<iframe src="{url}" title="Video player" width="640" height="360" '
                'loading="lazy" allowfullscreen></iframe>'
            ),
        }
