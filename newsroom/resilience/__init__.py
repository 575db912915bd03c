"""Resilience: what keeps the site up when a service fails or several app servers share it.

* ``cache.py``       the shared cache (Redis) falls back to this process's memory while Redis
                     is unreachable, and tells the page cache when it comes back;
* ``unavailable.py`` the database is unreachable: a friendly 503 with Retry-After, never a 500;
* ``publishing.py``  the admin publishes in one transaction (with ``core/publishing.py``), so a
                     server killed mid-publish leaves the item published or not, never half;
* ``setup_lock.py``  app servers starting together on one database set it up one at a time.
"""
