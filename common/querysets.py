from django.db import models


class PublishedQuerySet(models.QuerySet):
    """Content with a `published` box: what readers may see."""

    def published(self):
        return self.filter(published=True)
