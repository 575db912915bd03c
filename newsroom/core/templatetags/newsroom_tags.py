import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from newsroom.caching import fragments
from newsroom.core.stemming import index_forms, stem

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, e.g. for pagination links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def highlight(text, query):
    """Escape ``text`` and wrap the words that match ``query`` in <mark>: the words search
    matched, i.e. those with the same stem in the active language, accents ignored."""
    language = get_language()
    wanted = {stem(word, language) for word in re.findall(r"\w+", query or "") if len(word) > 1}
    if not wanted:
        return escape(text)

    def mark(word):
        if wanted.intersection(index_forms(word, language)):
            return f"<mark>{escape(word)}</mark>"
        return escape(word)

    pieces = re.split(r"(\w+)", text or "")
    return mark_safe(  # noqa: S308 - every piece is escaped above
        "".join(mark(piece) if re.fullmatch(r"\w+", piece) else escape(piece) for piece in pieces)
    )


CARD_TEMPLATE = "includes/item_card.html"


@register.simple_tag(takes_context=True)
def item_card(context, item, wide=False, heading_level=None, hide_teaser=False, loading=None,
              highlight=""):  # fmt: skip
    """An item's card (``includes/item_card.html``). Rendered once per live revision of the item
    and reused while the site's epoch lasts (``newsroom/caching/fragments.py``); a card with
    search highlighting is rendered every time."""
    from django.template.loader import get_template

    request = context.get("request")
    values = {"request": request, "item": item, "wide": wide, "heading_level": heading_level,
              "hide_teaser": hide_teaser, "loading": loading, "highlight": highlight}  # fmt: skip

    def render():
        # The engine's template with a plain context: no context processors, the card needs
        # only its values and the request (for the item's address).
        return get_template(CARD_TEMPLATE).template.render(template.Context(values))

    if highlight:
        return mark_safe(render())  # noqa: S308 - the template escapes what it shows
    host = request.META.get("HTTP_HOST", "") if request is not None else ""
    variant = (get_language(), host, wide, heading_level, hide_teaser, loading)
    return mark_safe(fragments.cached(fragments.item_key(item, "card", *variant), render))  # noqa: S308


@register.tag("fragment")
def fragment(parser, token):
    """``{% fragment "name" value… %}…{% endfragment %}``: what it encloses, rendered once per
    site epoch, language, host and values, and reused (``newsroom/caching/fragments.py``).
    A page among the values is keyed by its live revision, and the fragment is rendered every
    time for a preview or a page that is not live. Only for parts that depend on nothing but
    those values and what starts a new epoch (anything but an item's own publish)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment takes a name and values it depends on")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, bits[1].strip("\"'"), [parser.compile_filter(b) for b in bits[2:]]
    )


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context):
        from wagtail.models import Page

        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        values = []
        for value in (value.resolve(context) for value in self.values):
            if isinstance(value, Page):
                if not fragments.reusable(value, request):
                    return self.nodelist.render(context)
                value = (value.pk, value.live_revision_id)
            values.append(value if isinstance(value, (int, tuple)) else str(value))
        key = fragments.request_key(request, self.name, *values)
        return fragments.cached(key, lambda: self.nodelist.render(context))


@register.simple_tag(name="embed_or_fallback")
def embed_or_fallback(url, max_width=None):
    """Wagtail's ``{% embed %}``: the provider's player, or nothing when it cannot be reached
    (the template shows its fallback); then the fragment around it is not kept, so the player
    appears once the provider answers again."""
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedException

    try:
        return mark_safe(embeds.get_embed(url, max_width=max_width).html)  # noqa: S308 - provider's player
    except EmbedException:
        fragments.incomplete()
        return ""
