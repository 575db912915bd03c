import psycopg
import pytest

from .support import POSTGRES, PREFIX


@pytest.fixture(scope="module")
def postgres_databases():
    """Create throwaway PostgreSQL databases on demand; drop them all at the end."""
    created = []

    def create(purpose):
        name = f"{PREFIX}_{purpose}"
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        return f"{POSTGRES}/{name}"

    yield create
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        for name in created:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
