from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "newsroom.delivery"
    label = "delivery"
    verbose_name = "Delivery (page cache, freshness, large archives)"

    def ready(self):
        from . import invalidation

        invalidation.connect()
