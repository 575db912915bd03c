"""``{% responsive_picture %}``: Wagtail's ``{% picture %}``, without repeated widths.

Wagtail never upscales, so an original narrower than the widest spec gives several renditions
of its own width; a ``srcset`` that lists one width twice is invalid HTML, and browsers drop
it. This tag keeps the first rendition of each width in each format. It takes exactly what
``{% picture %}`` takes.
"""

from django import template
from django.template.base import Token
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class DistinctWidthsPictureNode(wagtailimages_tags.PictureNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.get_filters())
        kept, seen = {}, set()
        for spec, rendition in renditions.items():
            # the format is the spec's last operation (format-webp), or none
            key = (spec.rpartition("|format-")[2] if "|format-" in spec else "", rendition.width)
            if key not in seen:
                seen.add(key)
                kept[spec] = rendition
        attrs = {name: value.resolve(context) for name, value in self.attrs.items()}
        return Picture(kept, attrs).__html__()


@register.tag("responsive_picture")
def responsive_picture(parser, token):
    # Wagtail's parser, told it reads a {% picture %} tag; then the node that drops repeats.
    name, _, rest = token.contents.partition(" ")
    parsed = wagtailimages_tags.image(
        parser, Token(token.token_type, f"picture {rest}", token.position, token.lineno)
    )
    if parsed.output_var_name:
        raise template.TemplateSyntaxError(f"{name} renders the picture; it takes no 'as'")
    return DistinctWidthsPictureNode(parsed.image_expr, parsed.filter_specs, attrs=parsed.attrs)
