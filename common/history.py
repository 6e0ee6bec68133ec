"""Each object's history in the admin (Django's LogEntry): who changed which fields, and when.

The admin writes it for its own forms; what changes content elsewhere (the translators' screens,
their file imports) writes it here, in the same form, so that the object's « History » page
tells the whole story.
"""

from django.contrib.admin.models import CHANGE, LogEntry


class Changes:
    """Objects and the names of their fields changed, gathered before one save."""

    def __init__(self):
        self._changed = {}

    def add(self, obj, field_name):
        self._changed.setdefault(id(obj), (obj, []))[1].append(field_name)

    def objects(self):
        return [obj for obj, _fields in self._changed.values()]

    def log(self, user):
        """Write one history line per object, naming its fields as the admin's form does."""
        for obj, names in self._changed.values():
            fields = sorted({str(obj._meta.get_field(name).verbose_name) for name in names})
            LogEntry.objects.log_actions(
                user_id=user.pk,
                queryset=[obj],
                action_flag=CHANGE,
                change_message=[{"changed": {"fields": fields}}],
                single_object=True,
            )
