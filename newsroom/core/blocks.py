"""The one StreamField block library shared by every item type.

Display logic lives in the value classes, so templates, feeds and the API read the same answers.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3"]


class ImageValue(blocks.StructValue):
    def caption_text(self):
        # The block's own caption is translated with the page; the image's is per language.
        return self.get("caption") or getattr(self.get("image"), "caption_text", "")

    def credit_text(self):
        return getattr(self.get("image"), "credit_text", "")

    def alt_text(self):
        image = self.get("image")
        return image.alt_text if image else ""


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(
        required=False, help_text=_("Leave empty to use the caption stored with the image.")
    )

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        value_class = ImageValue


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class VideoEmbedBlock(blocks.StructBlock):
    video = EmbedBlock(help_text=_("Address of the video, e.g. a YouTube page."))
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "media"
        template = "blocks/video_embed.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        template = "blocks/fact_box.html"


class DocumentValue(blocks.StructValue):
    def link_title(self):
        return self.get("title") or self.get("document").title

    def file_label(self):
        document = self.get("document")
        extension = document.file_extension.upper() if document else ""
        try:
            size = document.get_file_size() if document else None
        except OSError:  # the file is missing from storage; still show the link
            size = None
        if not size:
            return extension
        return (
            f"{extension}, {size / 1024:.0f} KB"
            if size < 1024 * 1024
            else (f"{extension}, {size / (1024 * 1024):.1f} MB")
        )


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text=_("Defaults to the document's title."))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link.html"
        value_class = DocumentValue


# The photos of a gallery in an item, as blocks/gallery.html's picture tag expands them: the
# media library's tiles (media/queries.py, TILE_SPECS), which this layer cannot import.
GALLERY_PREVIEW_SPECS = tuple(
    f"fill-{size}|format-{fmt}"
    for size in ("272x204", "544x408", "688x516")
    for fmt in ("webp", "jpeg")
)
GALLERY_PREVIEW_COUNT = 8


class GalleryBlock(SnippetChooserBlock):
    """A gallery (images.Gallery) in an item: its first photos as a grid, linking to the
    gallery's page, where the viewer and the ZIP download are. Restricted photos are left out."""

    def __init__(self, **kwargs):
        super().__init__("images.Gallery", **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        if value is None:
            return context
        renditions = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(filter_spec__in=GALLERY_PREVIEW_SPECS)
        )
        photos = (
            value.photos.exclude(image__access="restricted")
            .select_related("image")
            .prefetch_related(Prefetch("image__renditions", queryset=renditions))
        )
        shown = list(photos[: GALLERY_PREVIEW_COUNT + 1])
        context.update(
            photos=shown[:GALLERY_PREVIEW_COUNT],
            more=len(shown) > GALLERY_PREVIEW_COUNT,
        )
        return context

    class Meta:
        icon = "image"
        template = "blocks/gallery.html"
        label = _("Gallery")


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="blocks/paragraph.html")
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoEmbedBlock()
    fact_box = FactBoxBlock()
    document = DocumentLinkBlock()
    gallery = GalleryBlock()
