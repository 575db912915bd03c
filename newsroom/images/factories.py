import factory
import wagtail_factories

from .models import NewsroomImage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Photo {n}")
    description = factory.LazyAttribute(lambda image: f"Alt text for {image.title}")
    credit = "Newsroom"
    file = factory.django.ImageField(width=960, height=540, color="#003a70")

    class Meta:
        model = NewsroomImage
