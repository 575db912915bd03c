from django.apps import AppConfig


class ResilienceConfig(AppConfig):
    name = "newsroom.resilience"
    label = "resilience"
    verbose_name = "Resilience (service faults, several app servers)"

    def ready(self):
        from newsroom.delivery import generation

        from . import publishing
        from .cache import shared_cache_recovered

        publishing.make_publishing_atomic()
        publishing.connect_test_delay()
        # A publish made while Redis was down bumped only one process's own generation.
        shared_cache_recovered.connect(
            lambda **kwargs: generation.bump(), weak=False, dispatch_uid="newsroom-regenerate"
        )
