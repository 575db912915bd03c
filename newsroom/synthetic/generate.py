"""Fill a newsroom with a large synthetic archive: ``newsroom generate --items 100000``.

Items are built with the news factories (``StoryPageFactory.build``/``VideoPageFactory.build``)
and written with ``bulk_pages.add_live_children``; topics, people, places and a pool of images
are created first (the ordinary way, since there are few of them) and shared by the items.
"""

import datetime
import io
import sys
import time
import zoneinfo

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from newsroom.delivery.invalidation import content_changed
from newsroom.home.site_tree import ensure_site_tree, news_index, topic_index
from newsroom.images.models import NewsroomImage
from newsroom.media import uses as media_uses
from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.news.models.items import LISTING_IMAGE_SPECS
from newsroom.topics.models import Person, Place, TopicPage

from . import words
from .bulk_pages import add_live_children, deferred_title_norms

IMAGE_COUNT = 24
PEOPLE_COUNT = 40
IMAGE_SHARE = 0.7
VIDEO_SHARE = 0.2


class Progress:
    """A one-line progress bar on a terminal, a line every 10% otherwise (logs, CI)."""

    def __init__(self, total, out=None, width=30):
        self.total, self.width, self.out = total, width, out or sys.stderr
        self.started = time.monotonic()
        self.tty = hasattr(self.out, "isatty") and self.out.isatty()
        self.last_tenth = -1

    def update(self, done):
        elapsed = time.monotonic() - self.started
        fraction = done / self.total if self.total else 1
        rate = done / elapsed if elapsed else 0
        filled = int(self.width * fraction)
        line = (
            f"[{'#' * filled}{' ' * (self.width - filled)}] {done:,}/{self.total:,} items"
            f"  {elapsed:5.1f} s  {rate:,.0f}/s"
        )
        if self.tty:
            self.out.write("\r" + line)
            if done >= self.total:
                self.out.write("\n")
        elif int(fraction * 10) > self.last_tenth:
            self.last_tenth = int(fraction * 10)
            self.out.write(line + "\n")
        self.out.flush()


def generate(items, *, seed=1, batch_size=1000, out=None, progress_out=None, today=None):
    """Add ``items`` live items under the news index; returns a summary dict."""

    out = out or sys.stdout
    rng = words.make_rng(seed)
    started = time.monotonic()
    home, _ = ensure_site_tree()
    news = news_index(home)
    images = ensure_images(rng)
    topics = ensure_topics(topic_index(home))
    people = ensure_people(rng, home.locale_id)
    places = ensure_places(home.locale_id)
    out.write(
        f"Shared: {len(images)} images, {len(topics)} topics, {len(people)} people, "
        f"{len(places)} places. Adding {items:,} items…\n"
    )

    taken = set(Page.objects.child_of(news).values_list("slug", flat=True))
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    dates = words.display_dates(rng, items, today=today)
    progress = Progress(items, progress_out)
    step = None
    done = 0
    with deferred_title_norms():
        for start in range(0, items, batch_size):
            stories, videos = [], []
            for date in dates[start : start + batch_size]:
                video = rng.random() < VIDEO_SHARE
                title = words.headline(rng, video=video)
                slug = unique_slug(slugify(title)[:70], taken)
                published = datetime.datetime.combine(
                    date, datetime.time(rng.randint(7, 19), rng.randint(0, 59)), zone
                )
                fields = {
                    "title": title,
                    "slug": slug,
                    "display_date": date,
                    "dateline": rng.choice(words.CITIES),
                    "teaser": words.teaser(rng),
                    "body": words.body(rng),
                    "listing_image": rng.choice(images) if rng.random() < IMAGE_SHARE else None,
                    "first_published_at": published,
                }
                factory = VideoPageFactory if video else StoryPageFactory
                page = factory.build(**fields)
                page.topics = rng.sample(topics, rng.randint(1, 3))
                page.people = rng.sample(people, rng.choice((0, 0, 1, 1, 2)))
                page.places = rng.sample(places, rng.choice((0, 1, 1, 2)))
                (videos if video else stories).append(page)
            with transaction.atomic():
                for batch in (stories, videos):
                    step = add_live_children(news, batch, first_step=step)
            done += len(stories) + len(videos)
            progress.update(done)
    # Pages written in bulk send no signals: record what the media library lists, and tell every
    # cache the site changed.
    media_uses.rebuild()
    content_changed()
    return {
        "items": done,
        "seconds": round(time.monotonic() - started, 1),
        "topics": len(topics),
        "people": len(people),
        "images": len(images),
    }


def unique_slug(base, taken):
    base = base or "item"
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


def ensure_images(rng, count=IMAGE_COUNT):
    """A pool of generated photos (with their listing renditions), made once and reused."""
    from PIL import Image, ImageDraw

    existing = list(NewsroomImage.objects.filter(title__startswith="Generated photo "))
    for number in range(len(existing), count):
        hue = (number * 37) % 255
        picture = Image.new("RGB", (960, 540), (hue, 58, 112))
        draw = ImageDraw.Draw(picture)
        for _ in range(12):
            x, y = rng.randrange(960), rng.randrange(540)
            radius = rng.randint(20, 160)
            colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80)
        image = NewsroomImage(
            title=f"Generated photo {number + 1}",
            description=f"Illustration {number + 1}: coloured circles on a blue background",
            credit="Newsroom",
            file=ImageFile(buffer, name=f"generated-{number + 1}.jpg"),
        )
        image.save()
        image.get_renditions(*LISTING_IMAGE_SPECS)
        existing.append(image)
    return existing


def ensure_topics(index):

    topics = {topic.slug: topic for topic in TopicPage.objects.child_of(index)}
    for title in words.TOPICS:
        slug = slugify(title)
        if slug not in topics:
            topic = index.add_child(
                instance=TopicPage(
                    title=title, slug=slug, introduction=f"What the newsroom publishes on {title}."
                )
            )
            topic.save_revision().publish()
            topics[slug] = topic
    return list(topics.values())


def ensure_people(rng, locale_id, count=PEOPLE_COUNT):

    people = list(Person.objects.filter(locale_id=locale_id))
    if len(people) >= count:
        return people
    slugs = {person.slug for person in people}
    new = []
    for name, role in words.people(rng, count * 2):
        slug = slugify(name, allow_unicode=True)
        if slug in slugs:
            continue
        slugs.add(slug)
        new.append(Person(name=name, slug=slug, role=role, locale_id=locale_id))
        if len(people) + len(new) >= count:
            break
    new = Person.objects.bulk_create(new)
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(Person, new)
    return people + new


def ensure_places(locale_id):

    places = {place.iso_code: place for place in Place.objects.filter(locale_id=locale_id)}
    new = [
        Place(name=name, iso_code=code, locale_id=locale_id)
        for code, name in words.PLACES
        if code not in places
    ]
    return list(places.values()) + Place.objects.bulk_create(new)
