from django.apps import AppConfig
from django.core import checks


class ResilienceConfig(AppConfig):
    name = "newsroom.resilience"
    label = "resilience"
    verbose_name = "Resilience (service faults, several app servers)"

    def ready(self):
        from newsroom.caching import generation

        from .cache import shared_cache_recovered

        checks.register(check_pages_publish_in_one_transaction)
        # A change made while Redis was down bumped only one process's own generation, and it
        # may have been a withdrawal: no earlier copy of any page may be served.
        shared_cache_recovered.connect(
            lambda **kwargs: generation.bump(hard=True),
            weak=False,
            dispatch_uid="newsroom-regenerate",
        )


def check_pages_publish_in_one_transaction(app_configs=None, **kwargs):
    """Every page type of the project takes ``AtomicPublish`` (newsroom/core/publishing.py)."""
    from wagtail.models import get_page_models

    from newsroom.core.publishing import AtomicPublish

    return [
        checks.Error(
            f"{model.__name__} does not publish in one transaction.",
            hint="Add newsroom.core.publishing.AtomicPublish to its bases.",
            obj=model,
            id="newsroom.E001",
        )
        for model in get_page_models()
        if model.__module__.startswith(("newsroom.", "demo."))
        and not issubclass(model, AtomicPublish)
    ]
