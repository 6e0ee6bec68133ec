"""The default cache: what one process writes, another reads; expiry and touch as Django's."""

import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.core.cache import cache


def test_the_default_cache_is_shared_by_processes():
    assert settings.CACHES["default"]["BACKEND"] == "common.cache.FileCache"
    cache.set("greeting", {"fr": "Bonjour"}, timeout=60)
    location = settings.CACHES["default"]["LOCATION"]
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            "from common.cache import FileCache; "
            f"print(FileCache({location!r}, {{}}).get('greeting'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert other.stdout.strip() == "{'fr': 'Bonjour'}"


def test_values_expire_and_touch_keeps_them(monkeypatch):
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    cache.set("count", 3, timeout=60)
    monkeypatch.setattr(time, "time", lambda: now + 50)
    assert cache.touch("count", 60)
    monkeypatch.setattr(time, "time", lambda: now + 100)
    assert cache.get("count") == 3
    monkeypatch.setattr(time, "time", lambda: now + 120)
    assert not cache.touch("count", 60)  # expired 10 s ago: too late to keep it
    assert cache.get("count") is None
    cache.set("count", 3, timeout=60)
    assert cache.incr("count") == 4
    monkeypatch.setattr(time, "time", lambda: now + 1000)
    assert cache.get("count") is None
    assert not cache.touch("count")


def test_versions_are_kept_apart():
    cache.set("answer", "new", version=2)
    assert cache.get("answer") is None
    assert cache.get("answer", version=2) == "new"
    assert not cache.touch("answer", 60)
    assert cache.touch("answer", 60, version=2)


@pytest.mark.parametrize("value", [b"\x00" * 10, "é" * 5000, {"a": [1, 2]}])
def test_values_come_back_whole(value):
    cache.set("value", value)
    assert cache.get("value") == value
    assert cache.touch("value", None)
    assert cache.get("value") == value
