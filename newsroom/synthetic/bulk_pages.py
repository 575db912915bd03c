"""Insert many Wagtail pages at once, the way ``add_child`` + ``save_revision().publish()`` would.

Wagtail creates pages one by one (a tree lock, several queries and signals per page); that is
fine for editors and far too slow for a 100,000-item archive. ``add_live_children`` writes the
same rows in batches:

* treebeard's materialised path: each child gets ``parent.path`` + the next 4-character step,
  ``depth`` = parent depth + 1, ``numchild`` = 0, and the parent's ``numchild`` is updated;
* ``url_path`` = parent's ``url_path`` + slug + "/", ``draft_title`` = title;
* one row per table of the multi-table model (``wagtailcore_page``, ``news_newsitempage``,
  ``news_storypage``...), since Django's ``bulk_create`` refuses multi-table models;
* the many-to-many rows (modelcluster ``ParentalManyToManyField`` values set on the instance);
* one published revision per page (``latest_revision`` and ``live_revision`` point at it);
* the search index entries, through the search backend's own ``add_bulk``.

The result is indistinguishable from pages made in the admin: they open in the editor, can be
edited, published, moved and deleted, and ``manage.py fixtree`` finds nothing to fix.
"""

from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import ManyToManyField
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, Revision
from wagtail.search.backends import get_search_backends


def _insert(model, objs, fields, returning=None):
    """INSERT ``objs`` into ``model``'s own table only (no parent tables), in safe batches."""
    batch = max(1, connection.ops.bulk_batch_size(fields, objs))
    returned = []
    for start in range(0, len(objs), batch):
        rows = model._base_manager._insert(
            objs[start : start + batch], fields=fields, returning_fields=returning
        )
        if returning:
            returned.extend(rows)
    return returned


def _local_fields(model):
    """Concrete columns of ``model``'s own table, parent links included, auto primary key not."""
    return [
        field
        for field in model._meta.local_concrete_fields
        if not (field.primary_key and field.auto_created and not field.remote_field)
    ]


def next_child_step(parent):
    """The treebeard step number the next child of ``parent`` gets."""
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by(
        "-path"
    )
    last_path = last.values_list("path", flat=True).first()
    return Page._str2int(last_path[-Page.steplen :]) + 1 if last_path else 1


@transaction.atomic
def add_live_children(parent, pages, *, first_step=None, user=None, index=True):
    """Insert ``pages`` (unsaved, all of one specific model) as live children of ``parent``.

    Each page needs title, slug (unique among ``parent``'s children), its own fields and
    optionally ``first_published_at``; parental many-to-many values may be set on the instance.
    Returns the next free treebeard step, to pass as ``first_step`` to the following batch.
    """
    if not pages:
        return first_step
    model = type(pages[0])
    assert all(type(page) is model for page in pages), "one model per call"
    step = next_child_step(parent) if first_step is None else first_step
    now = timezone.now()
    depth = parent.depth + 1
    for page in pages:
        page.path = Page._get_path(parent.path, depth, step)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.first_published_at
        page.latest_revision_created_at = page.first_published_at
        page.owner = user
        step += 1

    # One INSERT per table, root first; the page id becomes every child table's parent link.
    chain = [*reversed(model._meta.get_parent_list()), model]
    ids = _insert(Page, pages, _local_fields(Page), returning=[Page._meta.pk])
    for page, (pk,) in zip(pages, ids, strict=True):
        for level in chain:
            setattr(page, level._meta.pk.attname, pk)
        page._state.adding = False
    for level in chain[1:]:
        _insert(level, pages, _local_fields(level))

    _insert_many_to_many(chain, pages)
    _publish_revisions(model, pages, user)
    Page.objects.filter(pk=parent.pk).update(
        numchild=Page.objects.filter(path__startswith=parent.path, depth=depth).count()
    )
    if index:
        _remember_search_text(pages)
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, pages)
    return step


@contextmanager
def deferred_title_norms():
    """Within this block, the database search backends skip refreshing title weights.

    After each ``add_bulk`` they recompute the weight of every new entry from the average title
    length of the whole index (a scan of the index per batch, so a bulk load slows down as it
    grows); a bulk load does it once, at the end, for all entries.
    """
    patched = []
    for backend in get_search_backends(with_auto_update=True):
        index_class = getattr(backend, "index_class", None)
        original = getattr(index_class, "_refresh_title_norms", None)
        if original is not None:
            index_class._refresh_title_norms = lambda self, full=False: None
            patched.append((backend, index_class, original))
    try:
        yield
    finally:
        for backend, index_class, original in patched:
            index_class._refresh_title_norms = original
            original(backend.get_index_for_model(Page), full=True)


def _remember_search_text(pages):
    # The search indexer reads ``search_text`` once per index column (title, body,
    # autocomplete); compute it once per page for this bulk add. It is stemmed in the page's
    # language: load the locales once for the batch rather than once per page.
    locales = Locale.objects.in_bulk({page.locale_id for page in pages})
    for page in pages:
        page.locale = locales[page.locale_id]
        if callable(getattr(page, "search_text", None)):
            text = page.search_text()
            page.search_text = lambda text=text: text


def _insert_many_to_many(chain, pages):
    for level in chain:
        for field in level._meta.local_many_to_many:
            if not isinstance(field, ParentalManyToManyField | ManyToManyField):
                continue
            through = field.remote_field.through
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            rows = [
                through(**{f"{source}_id": page.pk, f"{target}_id": related.pk})
                for page in pages
                for related in getattr(page, field.name).all()
            ]
            through.objects.bulk_create(rows, batch_size=500)


def _publish_revisions(model, pages, user):
    content_type = ContentType.objects.get_for_model(model)
    # New pages have no child objects (related links, comments): say so, so that serialising
    # each page for its revision does not query for them.
    for relation in get_all_child_relations(model):
        for page in pages:
            setattr(page, relation.get_accessor_name(), [])
    base_content_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=str(page.pk),
                created_at=page.first_published_at,
                user=user,
                content=page.serializable_data(),
                object_str=page.title,
            )
            for page in pages
        ],
        batch_size=500,
    )
    table = connection.ops.quote_name(Page._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET latest_revision_id = %s, live_revision_id = %s WHERE id = %s",  # noqa: S608 - table name from the model
            [
                (revision.pk, revision.pk, page.pk)
                for revision, page in zip(revisions, pages, strict=True)
            ],
        )
    for revision, page in zip(revisions, pages, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.pk
