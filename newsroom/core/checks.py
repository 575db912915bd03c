from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from .http_settings import rate_limit, trusted_proxies


@register()
def syndication_settings(app_configs, **kwargs):
    errors = []
    for read in (rate_limit, trusted_proxies):
        try:
            read()
        except ImproperlyConfigured as error:
            errors.append(Error(str(error), id="syndication.E001"))
    return errors
