from .index import NewsIndexPage
from .items import NewsItemPage, RelatedItem, StoryPage, VideoPage

__all__ = [
    "NewsIndexPage",
    "NewsItemPage",
    "RelatedItem",
    "StoryPage",
    "VideoPage",
]
