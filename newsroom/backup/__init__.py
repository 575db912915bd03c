"""Backups: ``newsroom backup`` writes one archive, ``newsroom restore`` rebuilds the site from it.

The archive is a gzipped tar file:

    database/<app_label>.<model>.jsonl   one JSON array of field values per row, every table
    media/<path>                         every file under the media storage
    manifest.json                        format version, time, source database, Django
                                         migrations, row counts per table, SHA-256 of members

See ``tables.py`` (what is dumped and how values are made portable), ``archive.py`` (the file
format and its checks) and ``restore.py`` (loading into an empty database).
"""
