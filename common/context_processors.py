from .content import content_version as current_version


def content_version(request):
    """The content version, on <html>: a saved copy of the guide knows when it is out of date."""
    return {"content_version": current_version}
