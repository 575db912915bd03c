"""A 1,000-item archive goes from SQLite to PostgreSQL with every row and the same pages."""

from .support import assert_same_pages, newsroom, pages, row_counts, site_env


def test_a_1000_item_archive_round_trips(postgres_databases, tmp_path, migrated_sqlite):
    source = site_env(migrated_sqlite(tmp_path / "source"))
    newsroom(source, "migrate", "--no-input", "-v", "0")
    newsroom(source, "generate", "--items", "1000")
    original = pages(source, crawl=False, every=10)
    archive = tmp_path / "archive.tar.gz"
    newsroom(source, "backup", str(archive))
    assert row_counts(archive)["news.storypage"] + row_counts(archive)["news.videopage"] == 1000
    target = site_env(tmp_path / "target", postgres_databases("items"))
    newsroom(target, "restore", str(archive))
    original = original()
    items = [address for address in original if address.count("/") == 7]  # /en/news/y/m/d/slug/
    assert len(items) == 1000
    assert sum(address.startswith("/en/news/?page=") for address in original) == 100
    assert 50 < sum(original[address] is not None for address in items) < 200  # a tenth
    assert_same_pages(original, pages(target, crawl=False, every=10)())
