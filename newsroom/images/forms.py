"""The image form of the admin: Wagtail's, plus alt text, caption and credit per language
(WAGTAILIMAGES_IMAGE_FORM_BASE points here)."""

from wagtail.images.forms import BaseImageForm

from newsroom.core.per_language import per_language_form_class

from .models import Access, NewsroomImage


class AccessDefaultForm(BaseImageForm):
    """An upload that does not say who may see the image gets the default: public once a
    published item shows it (uploads from choosers and scripts send no such field)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "access" in self.fields:
            self.fields["access"].required = False

    def clean_access(self):
        return self.cleaned_data.get("access") or Access.WITH_ITEMS


NewsroomImageForm = per_language_form_class(AccessDefaultForm, NewsroomImage, "NewsroomImageForm")
