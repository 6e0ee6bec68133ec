from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.antispam import HoneypotForm

from .models import MentoringRequest


class MentoringRequestForm(HoneypotForm, forms.ModelForm):
    """Only what the coordinator needs to call back, and the reader's explicit consent."""

    kind = forms.ChoiceField(
        choices=MentoringRequest.Kind.choices, widget=forms.RadioSelect, label=_("Your request")
    )

    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("We need your agreement to keep your details.")},
    )

    class Meta:
        model = MentoringRequest
        fields = ["kind", "first_name", "phone", "email", "languages", "preferred_times", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "first_name": _("First name"),
            "phone": _("Phone number"),
            "email": _("Email address"),
            "languages": _("Languages you speak"),
            "preferred_times": _("When can we call you? (optional)"),
            "message": _("Message (optional)"),
        }
        help_texts = {
            "phone": _("A phone number or an email address: at least one."),
            "languages": _("For example: Arabic, French, a little English."),
        }

    def __init__(self, data=None):
        super().__init__(data)
        # Written when the form is built, so that it states the retention period in force.
        months = settings.MENTORING_RETENTION_MONTHS
        self.fields["consent"].label = ngettext(
            "I agree that the mentoring coordinators of the City keep these details to contact "
            "me about mentoring. They are deleted %(months)s month after my request is closed, "
            "and I can ask for them to be deleted sooner.",
            "I agree that the mentoring coordinators of the City keep these details to contact "
            "me about mentoring. They are deleted %(months)s months after my request is closed, "
            "and I can ask for them to be deleted sooner.",
            months,
        ) % {"months": months}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email"):
            raise forms.ValidationError(
                _("Give a phone number or an email address, so that we can call you back."),
                code="no_contact",
            )
        return cleaned
