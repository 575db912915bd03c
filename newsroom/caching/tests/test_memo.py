"""The caching layer derives every key itself: the generation or epoch, the site, the language,
the function and its arguments. What it hands out is each caller's own."""

import pytest
from django.utils import translation
from wagtail.models import Page

from newsroom.caching import generation, memo

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls():
    return []


@pytest.fixture
def counted(calls):
    @memo.per_generation
    def value(*args, **kwargs):
        calls.append((args, kwargs))
        return len(calls)

    return value


def test_two_sites_never_share_a_value(counted, calls):
    with memo.site_scope(1):
        first = counted("sections")
        assert counted("sections") == first
    with memo.site_scope(2):
        assert counted("sections") != first
    assert len(calls) == 2


def test_each_language_has_its_own_value(counted, calls):
    with translation.override("en"):
        english = counted()
    with translation.override("fr"):
        assert counted() != english
    with translation.override("en"):
        assert counted() == english


def test_arguments_are_part_of_the_key_and_models_count_by_primary_key(counted, calls):
    root = Page.objects.get(depth=1)
    assert counted(root) == counted(Page.objects.get(pk=root.pk))  # another instance, same row
    assert counted(root) != counted(root, flag=True)
    assert counted("a") != counted("b")
    assert len(calls) == 4


def test_a_new_generation_computes_again(counted, calls):
    counted()
    generation.bump()
    counted()
    assert len(calls) == 2


def test_an_epoch_value_outlives_a_publish_but_not_a_withdrawal(calls):
    @memo.per_epoch
    def value():
        calls.append(1)
        return len(calls)

    value()
    generation.bump()  # an item's publish: the same epoch
    value()
    generation.bump(hard=True)  # a withdrawal, a move, a settings change: a new epoch
    value()
    assert len(calls) == 2


def test_a_value_failing_keep_is_handed_back_but_not_kept(calls):
    @memo.per_generation(keep=memo.found)
    def lookup(slug):
        calls.append(slug)
        return None if slug == "missing" else slug.upper()

    assert lookup("missing") is None and lookup("missing") is None
    assert lookup("found") == "FOUND" and lookup("found") == "FOUND"
    assert calls == ["missing", "missing", "found"]


def test_ignored_parameters_stay_out_of_the_key(calls):
    @memo.per_generation(ignore=("queryset",))
    def count(listing_key, queryset):
        calls.append(listing_key)
        return queryset.count()

    pages = Page.objects.all()
    assert count(("pages",), pages) == count(("pages",), Page.objects.filter(depth=1))
    assert calls == [("pages",)]


def test_model_instances_are_handed_out_as_copies():
    @memo.per_generation
    def root():
        return [Page.objects.get(depth=1)]

    first = root()[0]
    first.title = "Changed by one request"
    assert root()[0].title != "Changed by one request"
    assert root()[0] is not root()[0]
