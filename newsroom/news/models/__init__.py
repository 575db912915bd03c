from .index import NewsIndexPage
from .items import NewsItemPage, RelatedItem, StoryPage, VideoPage
from .numbering import PressReleaseCounter
from .press import MediaAdvisoryPage, PressReleasePage, SpeechPage
from .updates import ChangeNote

__all__ = [
    "ChangeNote",
    "MediaAdvisoryPage",
    "NewsIndexPage",
    "NewsItemPage",
    "PressReleaseCounter",
    "PressReleasePage",
    "RelatedItem",
    "SpeechPage",
    "StoryPage",
    "VideoPage",
]
