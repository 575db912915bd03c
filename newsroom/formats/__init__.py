"""Writers of the formats Newsroom publishes (RSS, Atom, JSON Feed), from plain values.

Nothing here reads the domain's models: the domain apps turn their items into the values
(``FeedEntry``, ``ImageFacts``) and the writers only lay them out, with the organisation's name
and copyright from the settings the request carries.
"""
