"""Keeping each language to itself.

Editors link items, topics and people in one language; a translation copies those links as
they are. Readers must still only ever see their own language, so every cross-link is mapped
through ``translation_key`` to the object's version in the page's locale (or dropped).
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page


def active_locale():
    """The locale of the active language, or the default one where it has none."""
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def in_locale(objects, locale):
    """``objects`` (translatable, any locale) as their versions in ``locale``, in the same
    order, leaving out those not translated. One query for the lot."""
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    if hasattr(objects[0], "specific_class") and objects[0].specific_class:
        model = objects[0].specific_class
    keys = [obj.translation_key for obj in objects]
    found = {
        obj.translation_key: obj
        for obj in model._default_manager.filter(locale=locale, translation_key__in=keys)
    }
    return [found[key] for key in keys if key in found]


def language_name(code):
    with translation.override(code):
        return str(dict(settings.LANGUAGES)[code])


def translate(instance, locale, strings=None, publish=True):
    """Create or refresh ``instance``'s translation in ``locale`` through wagtail-localize, so
    editors see it as a linked translation that can be synced when the source changes.

    ``strings`` maps source text to translated text (titles, slugs, body segments); text
    without an entry stays in the source language until an editor translates it.
    """
    from wagtail_localize.models import Translation, TranslationSource

    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    target, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    if strings:
        po = target.export_po()
        for entry in po:
            if entry.msgid in strings:
                entry.msgstr = strings[entry.msgid]
        target.import_po(po)
    if not isinstance(instance, Page):
        target.save_target(publish=True)
        return instance.get_translation(locale)
    # wagtail-localize publishes pages in transaction.on_commit(), from a copy taken earlier:
    # inside a larger transaction that copy overwrites the tree fields of pages added since
    # (a translated front page "loses" its sections). Save a draft, then publish it now.
    target.save_target(publish=False)
    translated = instance.get_translation(locale)
    if publish:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
