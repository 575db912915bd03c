from django.apps import AppConfig


class ResilienceConfig(AppConfig):
    name = "newsroom.resilience"
    label = "resilience"
    verbose_name = "Resilience (service faults, several app servers)"

    def ready(self):
        from newsroom.caching import generation

        from . import publishing
        from .cache import shared_cache_recovered

        publishing.make_publishing_atomic()
        publishing.connect_test_delay()
        # A change made while Redis was down bumped only one process's own generation, and it
        # may have been a withdrawal: no earlier copy of any page may be served.
        shared_cache_recovered.connect(
            lambda **kwargs: generation.bump(hard=True),
            weak=False,
            dispatch_uid="newsroom-regenerate",
        )
