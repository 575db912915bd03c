"""Keeping computed values and rendered pieces in each worker until the site changes.

The bottom layer: it knows the site generation and nothing of the models (see
docs/architecture/caching.md).
"""
