"""Syndication: everything that carries the newsroom's items to other machines.

feeds/       RSS 2.0, Atom and JSON Feed for all news, each type, each topic and each person
sitemaps/    sitemap.xml (an index when needed), the Google News sitemap and robots.txt
structured/  JSON-LD, Open Graph and Twitter tags, canonical and feed links in every page's head
ninjs.py     IPTC ninjs 3.1 documents
api/         the public read-only JSON API under /api/v1/ and its OpenAPI document
oembed/      the oEmbed provider for videos and story cards
items.py     what all of them read about an item: which items, permanent ids, dates, images
"""
