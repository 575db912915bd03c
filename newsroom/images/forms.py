"""The image form of the admin: Wagtail's, plus alt text, caption and credit per language
(WAGTAILIMAGES_IMAGE_FORM_BASE points here)."""

from wagtail.images.forms import BaseImageForm

from newsroom.core.per_language import per_language_form_class

from .models import NewsroomImage

NewsroomImageForm = per_language_form_class(BaseImageForm, NewsroomImage, "NewsroomImageForm")
