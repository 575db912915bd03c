"""The public read-only JSON API: /api/v1/ (see openapi.py for the exact description).

Plain Django views rather than Wagtail's API v2: the filters must be the news listing's own
(newsroom/news/filters.py), the answers carry the same permanent ids, dates and images as the
feeds, and the OpenAPI document must describe every parameter exactly, none of which Wagtail's
generic page API does without as much code again.
"""

import functools

from django.core.paginator import EmptyPage
from django.utils.translation import gettext as _

from newsroom.core import seek, text
from newsroom.core.http import json_error, json_response, machine_readable
from newsroom.images import facts as image_facts
from newsroom.news import facts
from newsroom.news.models import NewsItemPage
from newsroom.news.ninjs import find_public_item, ninjs_document, withdrawn_document
from newsroom.topics.models import Person, public_topics

from . import params, serializers
from .openapi import openapi

API_MAX_AGE = 60


def api_view(allowed_params=()):
    """Known parameters only, JSON errors, then ETag/304, CORS and rate limit (methods other
    than GET and HEAD are answered 405 before: syndication/urls.py marks every route)."""

    def decorator(view):
        @machine_readable(max_age=API_MAX_AGE, limited=True)
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                params.check_known(request, allowed_params)
                return view(request, *args, **kwargs)
            except params.BadRequest as error:
                return json_error(error.status, error.message, fields=error.fields)
            except NotFound as error:
                return json_error(404, str(error))
            except Withdrawn as gone:
                return gone.response(request)

        return wrapper

    return decorator


class NotFound(Exception):
    pass


class Withdrawn(Exception):
    """The item was withdrawn: 410 Gone, saying when and why (``ninjs``: its ninjs)."""

    def __init__(self, item, ninjs=False):
        super().__init__(item.pk)
        self.item, self.ninjs = item, ninjs

    def response(self, request):
        if self.ninjs:
            document = withdrawn_document(self.item, request)
        else:
            document = serializers.withdrawn_item(self.item, request)
        return json_response(document, status=410)


def paginate(request, queryset, page, page_size):
    # Items newest first: by the day histogram, so a deep page costs what the first does.
    paginator = seek.paginator_for(queryset, page_size, allow_empty_first_page=True)
    try:
        current = paginator.page(page)
    except EmptyPage:
        raise NotFound(
            _("There is no page %(page)s: this list has %(count)s page(s) of %(size)s.")
            % {"page": page, "count": paginator.num_pages, "size": page_size}
        ) from None

    def link(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    meta = {
        "count": paginator.count,
        "page": page,
        "pages": paginator.num_pages,
        "page_size": page_size,
        "next": link(page + 1) if current.has_next() else None,
        "previous": link(page - 1) if current.has_previous() else None,
    }
    return current.object_list, meta


@api_view()
def api_root(request):
    return json_response(
        {
            "items": serializers.api_url(request, "api-items"),
            "topics": serializers.api_url(request, "api-topics"),
            "people": serializers.api_url(request, "api-people"),
            "openapi": serializers.api_url(request, "api-openapi"),
            "oembed": serializers.api_url(request, "oembed"),
        }
    )


@api_view()
def openapi_document(request):
    return json_response(openapi(request))


def filtered_items(filters, locale):
    queryset = facts.for_syndication(
        NewsItemPage.objects.visible().newest_first().filter(locale=locale), with_body=False
    )
    if filters.get("person"):
        queryset = queryset.involving(filters["person"], locale)
    # A place as the filters narrow by topic: a sub-select on the M2M table.
    if filters.get("place"):
        queryset = queryset.filter(
            pk__in=NewsItemPage.places.through.objects.filter(place=filters["place"]).values(
                "newsitempage_id"
            )
        )
    return queryset.filtered(filters, language=locale.language_code)


@api_view((*params.ITEM_FILTERS, *params.LIST_PARAMS))
def item_list(request):
    locale = params.language(request)
    page, page_size = params.paging(request)
    filters = params.item_filters(request, locale)
    items, meta = paginate(request, filtered_items(filters, locale), page, page_size)
    people = serializers.PeopleAddresses(request)
    items = facts.attach_videos(items)
    return json_response(
        {**meta, "results": [serializers.item_summary(item, request, people) for item in items]}
    )


def _public_item(item_id, ninjs=False):
    number = text.whole_number(item_id, digits=18)
    if number is None:
        raise NotFound(_("There is no item with the id “%(id)s”.") % {"id": item_id[:50]})
    item = find_public_item(NewsItemPage.objects.visible().newest_first().filter(pk=number))
    if item is None:
        withdrawn = NewsItemPage.objects.withdrawn().filter(pk=number).first()
        if withdrawn is not None:
            raise Withdrawn(withdrawn, ninjs=ninjs)
        raise NotFound(_("No published item has the id %(id)s.") % {"id": item_id})
    return item


@api_view()
def item_detail(request, item_id):
    item = _public_item(item_id)
    return json_response(
        serializers.item_detail(item, request, serializers.PeopleAddresses(request))
    )


@api_view()
def item_ninjs(request, item_id):
    return json_response(ninjs_document(_public_item(item_id, ninjs=True), request))


@api_view(params.LIST_PARAMS)
def topic_list(request):
    locale = params.language(request)
    page, page_size = params.paging(request)
    topics = public_topics().filter(locale=locale).select_related("locale")
    topics, meta = paginate(request, topics, page, page_size)
    return json_response(
        {**meta, "results": [serializers.topic(topic, request) for topic in topics]}
    )


@api_view(("lang",))
def topic_detail(request, slug):
    locale = params.language(request)
    topic = None
    if params.SLUG.fullmatch(slug):
        topics = public_topics().filter(locale=locale, slug=slug)
        topic = topics.select_related("locale").first()
    if topic is None:
        raise NotFound(_("There is no topic called “%(slug)s”.") % {"slug": slug[:100]})
    return json_response(serializers.topic(topic, request))


def _people(locale):
    return (
        Person.objects.filter(locale=locale)
        .select_related("photo", "locale")
        .prefetch_related(image_facts.renditions_prefetch("photo", (serializers.PHOTO_SPEC,)))
        .order_by("name", "pk")
    )


@api_view(params.LIST_PARAMS)
def person_list(request):
    locale = params.language(request)
    page, page_size = params.paging(request)
    people, meta = paginate(request, _people(locale), page, page_size)
    addresses = serializers.PeopleAddresses(request)
    return json_response(
        {**meta, "results": [serializers.person(person, request, addresses) for person in people]}
    )


@api_view(("lang",))
def person_detail(request, slug):
    locale = params.language(request)
    person = _people(locale).filter(slug=slug).first() if params.SLUG.fullmatch(slug) else None
    if person is None:
        raise NotFound(_("Nobody called “%(slug)s” is listed.") % {"slug": slug[:100]})
    return json_response(serializers.person(person, request, serializers.PeopleAddresses(request)))


def not_found(request):
    return json_error(
        404,
        _("There is nothing at this address. The API's description: %(url)s")
        % {"url": serializers.api_url(request, "api-openapi")},
    )
