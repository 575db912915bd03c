"""An image as every format describes it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ImageFacts:
    url: str
    width: int
    height: int
    mime_type: str
    alt: str
    caption: str
    credit: str
