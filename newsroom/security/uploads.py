"""Upload limits for documents (images are limited by Wagtail's own settings)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = settings.NEWSROOM_MAX_DOCUMENT_SIZE
        if upload is not None and getattr(upload, "size", 0) > limit:
            raise ValidationError(
                _("This file is %(size)s; documents may be at most %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload
