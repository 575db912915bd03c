"""What a message says, as plain values read once per dispatch: the organisation, an item's
headline, date, teaser, listing image and address, in one language. The templates in
``templates/alerts/email/`` turn them into the HTML and plain-text parts."""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.utils import formats
from wagtail.models import Site

from newsroom.core.models import OrganisationSettings
from newsroom.core.text import plain_text

LISTING_SPEC = "fill-640x360"  # 320 CSS pixels at twice the density
LOGO_SPEC = "height-96"


def absolute_url(path):
    """``path`` on the public site (NEWSROOM_BASE_URL): messages are read far from any request."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path or "")


def single_line(text):
    return " ".join(str(text or "").split())


@dataclass
class Organisation:
    name: str
    newsroom_title: str
    logo_url: str
    home_url: str


@dataclass
class ItemFacts:
    pk: int
    title: str
    date: str
    teaser: str
    url: str
    type_label: str
    image_url: str = ""
    image_alt: str = ""
    image_width: int = 0
    image_height: int = 0


def organisation(language):
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    organisation = OrganisationSettings.for_site(site).in_language(language)
    logo_url = ""
    if organisation.logo_id and organisation.logo is not None:
        logo_url = absolute_url(organisation.logo.get_rendition(LOGO_SPEC).url)
    return Organisation(
        name=organisation.name,
        newsroom_title=organisation.newsroom_title,
        logo_url=logo_url,
        home_url=absolute_url(f"/{language}/"),
    )


def day(value):
    """ "17 November 2023" (in the active language)."""
    return formats.date_format(value, "j F Y")


def item_facts(page, url=None):
    """``page`` (a NewsItemPage) as a message shows it, in the active language."""
    image = page.listing_image if page.listing_image_id else None
    facts = ItemFacts(
        pk=page.pk,
        title=single_line(page.title),
        date=day(page.display_date),
        teaser=plain_text(page.teaser) if "<" in (page.teaser or "") else page.teaser,
        url=url or absolute_url(page.get_url()),
        type_label=str(page.specific_class.item_type_label),
    )
    if image is not None:
        rendition = image.get_rendition(LISTING_SPEC)
        facts.image_url = absolute_url(rendition.url)
        facts.image_alt = image.alt_text_in(page.locale.language_code) or page.title
        facts.image_width = min(rendition.width, 320)
        facts.image_height = round(rendition.height * facts.image_width / max(rendition.width, 1))
    return facts
