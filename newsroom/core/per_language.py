"""Reader-visible text that an editor gives once per language, outside the page tree.

Pages are translated with wagtail-localize, but site settings and images are not translatable
models (one settings row per site; one image file shared by every language). Their texts for
the languages after the default one are kept in a JSON field on the same row, so reading them
costs no query (the per-page query counts stay the same in every language), and adding a
language needs no migration. The admin shows one plain field per language and text
(``per_language_form_fields``). An empty value falls back to the default language's text.
"""

from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def default_language():
    return settings.LANGUAGES[0][0]


def other_languages():
    """(code, name) of every configured language but the default one."""
    return list(settings.LANGUAGES[1:])


def base_language(code):
    return (code or "").split("-")[0].split("_")[0].lower()


def form_field_name(field, code):
    return f"{field}__{code}"


def language_of(obj):
    """The language of a translatable object when its locale is loaded already, otherwise the
    active one (a page being rendered is in the active language; this never costs a query)."""
    field = obj._meta.get_field("locale") if hasattr(obj, "locale_id") else None
    if field is not None and field.is_cached(obj):
        return obj.locale.language_code
    return get_language()


class PerLanguageTexts(models.Model):
    """Adds ``texts_by_language`` ({"fr": {"caption": "…"}}) and the reading side of it."""

    # The model fields given once per language; set by each model.
    per_language_fields = ()

    texts_by_language = models.JSONField(
        _("texts in other languages"), default=dict, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def text_in(self, field, language=None):
        """``field`` in ``language`` (the active one by default), or the default language's."""
        code = base_language(language or get_language())
        if code and code != default_language():
            value = (self.texts_by_language or {}).get(code, {}).get(field)
            if value:
                return value
        return getattr(self, field)


def per_language_form_fields(model):
    """Form fields "<field>__<code>" for each language after the default one, built from the
    model's own fields (same widget and length limit), none of them required."""
    fields = {}
    for code, name in other_languages():
        for field_name in model.per_language_fields:
            model_field = model._meta.get_field(field_name)
            form_field = model_field.formfield(required=False)
            # The model field's own checks (e.g. an address's form) hold in every language.
            form_field.validators += [
                check for check in model_field.validators if check not in form_field.validators
            ]
            form_field.label = format_lazy("{} ({})", model_field.verbose_name, name)
            form_field.help_text = _("Leave empty to show the default language’s text.")
            fields[form_field_name(field_name, code)] = form_field
    return fields


class PerLanguageFormMixin:
    """Fills the per-language form fields from ``texts_by_language`` and saves them back."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.texts_by_language or {}
        for code, _name in other_languages():
            for field in self.instance.per_language_fields:
                name = form_field_name(field, code)
                if name in self.fields:
                    self.fields[name].initial = stored.get(code, {}).get(field, "")

    def save(self, commit=True):
        # Languages no longer configured keep their texts: nothing an editor wrote is lost.
        stored = dict(self.instance.texts_by_language or {})
        for code, _name in other_languages():
            names = [form_field_name(field, code) for field in self.instance.per_language_fields]
            if not any(self.add_prefix(name) in self.data for name in names):
                continue  # a form that did not show this language's fields (e.g. bulk upload)
            texts = {}
            for field in self.instance.per_language_fields:
                value = self.cleaned_data.get(form_field_name(field, code))
                if value:
                    texts[field] = value.strip() if isinstance(value, str) else value
            if texts:
                stored[code] = texts
            else:
                stored.pop(code, None)
        self.instance.texts_by_language = stored
        return super().save(commit=commit)


def per_language_form_class(base, model, name):
    """``base`` with the per-language fields of ``model`` declared on it."""
    return type(name, (PerLanguageFormMixin, base), per_language_form_fields(model))
