import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale

from .models import Person, Place, TopicPage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.title))
    introduction = "What the newsroom publishes on this subject."

    class Meta:
        model = TopicPage


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.LazyAttribute(lambda person: slugify(person.name))
    role = "Spokesperson"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Person


class PlaceFactory(factory.django.DjangoModelFactory):
    name = "Belgium"
    iso_code = "BE"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Place
        django_get_or_create = ("iso_code",)
