"""What every page's <head> says about it: its meta description."""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator

from newsroom.core.furniture import default_description
from newsroom.core.models import OrganisationSettings

register = template.Library()
DESCRIPTION_LENGTH = 200


def _first_text(*values):
    for value in values:
        text = " ".join(strip_tags(str(value or "")).split())
        if text:
            return text
    return ""


@register.simple_tag(takes_context=True)
def page_description(context):
    """The page's meta description, from what is already written for it: the view's own
    (``meta_description``), a person's role and biography, the page's search description, an
    item's teaser or a section's introduction; else one sentence naming the newsroom (the front
    page, search). Reads only what the page has loaded: no query."""
    page = context.get("page")
    person = context.get("person")
    text = _first_text(
        context.get("meta_description"),
        " ".join(
            filter(None, (getattr(person, name, "") for name in ("name", "role", "biography")))
        ),
        getattr(page, "search_description", ""),
        getattr(page, "teaser", ""),
        getattr(page, "introduction", ""),
    )
    if not text and context.get("request") is not None:
        text = default_description(OrganisationSettings.for_request(context["request"]))
    return Truncator(text).chars(DESCRIPTION_LENGTH)
