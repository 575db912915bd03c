from django import template

from newsroom.syndication.structured.head import head_context

register = template.Library()


@register.inclusion_tag("syndication/head.html", takes_context=True)
def syndication_head(context):
    """Feed links, canonical, Open Graph, Twitter card, JSON-LD and oEmbed for this page."""
    return head_context(context)
