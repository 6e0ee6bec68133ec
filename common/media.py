"""Uploaded files (section images, recordings) for `make serve` and any host without a web server
in front: with byte ranges, which an <audio> element asks for to start playing and to seek, and
validators, so a reader's phone keeps them. Behind nginx (docs/deploy.md) /media/ never reaches
Django."""

import mimetypes
import os
import re

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseNotModified,
    StreamingHttpResponse,
)
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_CHUNK = 64 * 1024
# Uploaded names are not reused while a page links to them; a week, as docs/deploy.md's nginx.
MAX_AGE = 7 * 24 * 3600


def _byte_range(header, size):
    """(start, end) inclusive for a single range « bytes=a-b », « bytes=a- », « bytes=-n »;
    None for no usable range (serve it all); ValueError for one outside the file."""
    match = _RANGE.match(header.strip())
    if not match or match.groups() == ("", ""):
        return None  # several ranges, or nonsense: the whole file is a valid answer
    first, last = match.groups()
    if first == "":  # the last n bytes
        start, end = max(0, size - int(last)), size - 1
    else:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    if start >= size or start > end:
        raise ValueError(header)
    return start, end


def _part(file, start, length):
    with file:
        file.seek(start)
        while length > 0:
            chunk = file.read(min(_CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk


@require_safe
def media(request, path):
    try:
        full_path = safe_join(settings.MEDIA_ROOT, path)
    except SuspiciousFileOperation:  # a path out of the folder
        raise Http404(path) from None
    if not os.path.isfile(full_path):
        raise Http404(path)
    stat = os.stat(full_path)
    etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        content_type = mimetypes.guess_type(full_path)[0] or "application/octet-stream"
        wanted = request.headers.get("Range", "")
        if request.headers.get("If-Range", etag) != etag:
            wanted = ""  # the reader's part is of an older file: send the new one whole
        try:
            part = _byte_range(wanted, stat.st_size) if wanted else None
        except ValueError:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{stat.st_size}"
            return response
        if part is None:
            file = open(full_path, "rb")  # noqa: SIM115 (FileResponse closes it)
            response = FileResponse(file, content_type=content_type)
        else:
            response = _partial(full_path, *part, stat.st_size, content_type)
    response["ETag"] = etag
    response["Accept-Ranges"] = "bytes"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def _partial(full_path, start, end, size, content_type):
    length = end - start + 1
    response = StreamingHttpResponse(
        _part(open(full_path, "rb"), start, length),  # noqa: SIM115 (closed by _part)
        status=206,
        content_type=content_type,
    )
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(length)
    return response
