"""Pagination shared by every listing (news, archives, topics, people, search)."""

from django.core.paginator import EmptyPage
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from newsroom.caching import surrogate
from newsroom.core.seek import paginator_for

ITEMS_PER_PAGE = 10


def page_number(request):
    """The requested page number; anything that is not a positive whole number means page 1."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return number if number >= 1 else 1


def paginate_or_404(queryset, request, per_page=ITEMS_PER_PAGE, *, key=None):
    """One page of ``queryset``; a page past the end is a 404 that says how many pages exist.
    ``key``: what determines the queryset besides the site's content (``seek.py``)."""
    # Date-ordered listings page by seeking (deep pages cost what the first does).
    paginator = paginator_for(queryset, per_page, key=key, allow_empty_first_page=True)
    number = page_number(request)
    try:
        page = paginator.page(number)
    except EmptyPage:
        raise Http404(
            _("There is no page %(number)s here: this list has %(count)s page(s).")
            % {"number": number, "count": paginator.num_pages}
        ) from None
    shows_listed(page.object_list)
    return page


def shows_listed(objects):
    """The surrogate keys of a listing's entries and their listing images. The listing carries
    ``surrogate.LISTS`` anyway; the entries' own keys let a purge of one of them reach it too."""
    image_model = get_image_model()
    for entry in objects:
        if hasattr(entry, "_meta") and entry.pk is not None:
            surrogate.shows(entry)
            image_id = getattr(entry, "listing_image_id", None)
            if image_id:
                surrogate.shows_keys(surrogate.key_for_id(image_model, image_id))
