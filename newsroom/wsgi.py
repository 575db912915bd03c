import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

from newsroom.delivery.pagecache import PageCache  # noqa: E402 - needs the settings module

# The page cache answers anonymous readers before Django is reached (newsroom/delivery/).
application = PageCache(get_wsgi_application())

from newsroom.scheduling import loop  # noqa: E402

# Every server process publishes scheduled items itself (one at a time, under a shared lock).
loop.start()
