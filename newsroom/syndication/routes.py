"""Feed and ninjs addresses under the pages they follow, as routes mixed into those pages.

    /en/news/feed/{rss,atom,json}/                  all news
    /en/news/<type>/feed/{rss,atom,json}/           one type: story, video, ...
    /en/news/YYYY/MM/DD/<slug>/ninjs.json           one item as IPTC ninjs
    /en/topics/<slug>/feed/{rss,atom,json}/         one topic
    /en/people/<slug>/feed/{rss,atom,json}/         one person

The mixins only add routes; the views live in feeds/ and ninjs.py and are imported when called,
so the page models can import this module without import cycles.
"""

from django.shortcuts import redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

FORMAT = r"(?P<fmt>rss|atom|json)"


class NewsIndexSyndicationMixin:
    """For NewsIndexPage (which is already routable)."""

    @re_path(r"^feed/$", name="news_feed_default")
    def news_feed_default(self, request):
        return redirect(self.url + "feed/rss/", permanent=True)

    @re_path(rf"^feed/{FORMAT}/$", name="news_feed")
    def news_feed(self, request, fmt):
        from newsroom.syndication.feeds.views import news_feed

        return news_feed(request, self, fmt)

    @re_path(rf"^(?P<item_type>[a-z][-a-z]*)/feed/{FORMAT}/$", name="news_type_feed")
    def news_type_feed(self, request, item_type, fmt):
        from newsroom.syndication.feeds.views import news_feed

        return news_feed(request, self, fmt, item_type=item_type)

    # Wagtail's router adds a trailing slash to every path it hands to a page, hence "/$".
    @re_path(
        r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/(?P<slug>[-\w]+)/ninjs\.json/$",
        name="item_ninjs",
    )
    def item_ninjs(self, request, year, month, day, slug):
        from newsroom.syndication.ninjs import item_ninjs_view

        return item_ninjs_view(request, self, year, month, day, slug)


class TopicSyndicationMixin(RoutablePageMixin):
    """For TopicPage: makes it routable, keeping its own page at the index route."""

    @re_path(rf"^feed/{FORMAT}/$", name="topic_feed")
    def topic_feed(self, request, fmt):
        from newsroom.syndication.feeds.views import topic_feed

        return topic_feed(request, self, fmt)


class PeopleSyndicationMixin:
    """For PeopleIndexPage (which is already routable)."""

    @re_path(rf"^(?P<slug>[-\w]+)/feed/{FORMAT}/$", name="person_feed")
    def person_feed(self, request, slug, fmt):
        from newsroom.syndication.feeds.views import person_feed

        return person_feed(request, self, slug, fmt)
