import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

from newsroom.delivery.pagecache import PageCache  # noqa: E402 - needs the settings module

# The page cache answers anonymous readers before Django is reached (newsroom/delivery/).
application = PageCache(get_wsgi_application())
