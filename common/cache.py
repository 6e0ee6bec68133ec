"""The default cache: files that every worker process of the machine shares."""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks


class FileCache(FileBasedCache):
    """Django's file cache, storing values without zlib.

    Cached pages are read thousands of times for each write, and decompressing them cost more
    than reading the file (a 30 KB page: 22 µs to read and unpickle, 59 µs with zlib); the
    page cache must answer about as fast as a static file (bench/load.py). Disk space is
    bounded by MAX_ENTRIES as before.
    """

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    return pickle.loads(file.read())  # noqa: S301 (our own cache files)
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        # Any protocol reads back: which one is a matter of size and speed (`no mutate`).
        protocol = self.pickle_protocol  # pragma: no mutate
        file.write(pickle.dumps(self.get_backend_timeout(timeout), protocol))
        file.write(pickle.dumps(value, protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            with open(self._key_to_file(key, version), "r+b") as file:
                try:
                    locks.lock(file, locks.LOCK_EX)
                    if self._is_expired(file):
                        return False
                    value = pickle.loads(file.read())  # noqa: S301
                    file.seek(0)
                    self._write_content(file, timeout, value)
                    file.truncate()
                    return True
                finally:
                    if not file.closed:  # _is_expired() closes and deletes an expired file
                        locks.unlock(file)
        except FileNotFoundError:
            return False
