"""Writers of the formats Newsroom publishes (RSS, Atom, JSON Feed), from plain values.

Nothing here reads a model or the database: the domain apps turn their items into the values
below (``FeedEntry``, ``ImageFacts``) and the writers only lay them out.
"""
