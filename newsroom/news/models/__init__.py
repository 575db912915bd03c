from .index import NewsIndexPage
from .items import NewsItemPage, RelatedItem, StoryPage, VideoPage, newest_display_date

__all__ = [
    "NewsIndexPage",
    "NewsItemPage",
    "RelatedItem",
    "StoryPage",
    "VideoPage",
    "newest_display_date",
]
