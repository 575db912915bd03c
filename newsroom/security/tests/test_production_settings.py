"""Production configuration comes from the environment only: checked in fresh processes."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

# Child processes with databases of their own: run once, by make test.
pytestmark = pytest.mark.own_database

ROOT = Path(__file__).resolve().parents[3]


def production_env(tmp_path, **extra):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "NEWSROOM_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": "postgres://newsroom:secret@db.internal:5432/newsroom",
        "REDIS_URL": "redis://cache.internal:6379/0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "news.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://news.example.org",
        "NEWSROOM_HTTPS": "true",
        "NEWSROOM_TRUSTED_PROXIES": "1",
        "NEWSROOM_BASE_URL": "https://news.example.org",
    }
    env.update(extra)
    return env


def run(args, env):
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def settings_in(env, *names):
    """Import the settings in a new process with ``env`` and return the named values."""
    code = (
        "import json, newsroom.settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {list(names)!r}}}, default=str))"
    )
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_is_clean_in_production(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_come_from_the_environment(tmp_path):
    values = settings_in(
        production_env(tmp_path),
        "DATABASES", "CACHES", "ALLOWED_HOSTS", "SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "DEBUG",
        "SERVE_MEDIA",
    )  # fmt: skip
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"]) == ("db.internal", "newsroom")
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/0"
    assert values["ALLOWED_HOSTS"] == ["news.example.org"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["DEBUG"] is False and values["SERVE_MEDIA"] is False


def test_s3_media_is_switched_on_by_its_variables(tmp_path):
    env = production_env(
        tmp_path,
        NEWSROOM_S3_BUCKET="newsroom-media",
        NEWSROOM_S3_ENDPOINT_URL="https://s3.example.net",
        NEWSROOM_S3_REGION="eu-west-3",
        NEWSROOM_S3_CUSTOM_DOMAIN="media.example.org",
        AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY="example-secret",
    )
    code = (
        "import django; django.setup(); "
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.region_name, "
        "s.url('images/a.jpg'), s.get_object_parameters('images/a.jpg')['CacheControl'], "
        "'CacheControl' in s.get_object_parameters('original_images/a.jpg'))"
    )
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "MediaStorage",
        "newsroom-media",
        "https://s3.example.net",
        "eu-west-3",
        "https://media.example.org/images/a.jpg",
        # Renditions are kept a year by every cache; originals keep the bucket's default.
        "public,",
        "max-age=31536000,",
        "immutable",
        "False",
    ]
    policy = settings_in(env, "CONTENT_SECURITY_POLICY")["CONTENT_SECURITY_POLICY"]
    assert "https://media.example.org" in policy["DIRECTIVES"]["img-src"]
    assert "https://media.example.org" in policy["DIRECTIVES"]["media-src"]


def test_without_s3_variables_media_stays_on_disk(tmp_path):
    storages = settings_in(production_env(tmp_path), "STORAGES")["STORAGES"]
    assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


@pytest.mark.parametrize(
    ("variables", "backend"),
    [
        ({"NEWSROOM_VARNISH_URL": "http://varnish:6081"}, "HTTPBackend"),
        ({"NEWSROOM_CLOUDFRONT_DISTRIBUTION_ID": "E123EXAMPLE"}, "CloudfrontBackend"),
        (
            {"NEWSROOM_CLOUDFLARE_ZONE_ID": "zone", "NEWSROOM_CLOUDFLARE_API_TOKEN": "token"},
            "CloudflareBackend",
        ),
    ],
)
def test_cdn_purge_backend_comes_from_the_environment(tmp_path, variables, backend):
    value = settings_in(production_env(tmp_path, **variables), "WAGTAILFRONTENDCACHE")
    (config,) = value["WAGTAILFRONTENDCACHE"].values()
    assert config["BACKEND"].endswith(backend)


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY is not set"),
        ({"DEBUG": "true"}, "DEBUG shows stack traces"),
        ({"NEWSROOM_HTTPS": "maybe"}, "NEWSROOM_HTTPS must be true or false"),
    ],
)
def test_unsafe_production_settings_are_refused_with_a_message(tmp_path, variables, message):
    result = run(["manage.py", "check"], production_env(tmp_path, **variables))
    assert result.returncode != 0
    assert message in result.stderr
