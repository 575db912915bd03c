"""Syndication: the outlets that carry the newsroom's items to other machines.

sitemaps/    sitemap.xml (an index when needed), the Google News sitemap and robots.txt
structured/  JSON-LD, Open Graph and Twitter tags, canonical and feed links in every page's head
api/         the public read-only JSON API under /api/v1/ and its OpenAPI document
oembed/      the oEmbed provider for videos and story cards

They read the domain through its querysets (``NewsItemPage.objects.visible()``) and its facts
(``news/facts.py``). The feeds and ninjs documents belong to the pages they follow
(``news/feeds.py``, ``news/ninjs.py``, the topic and people pages), written by ``formats``.
"""
