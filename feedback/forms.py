from django import forms
from django.conf import settings
from django.db import transaction
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import MAX_COMMENT, MAX_TEXT_ANSWER, Answer, MentoringRequest, Question, Response

SCALE = [
    (1, _("1 – very bad")),
    (2, _("2 – bad")),
    (3, _("3 – average")),
    (4, _("4 – good")),
    (5, _("5 – very good")),
]
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ScaleWidget(forms.RadioSelect):
    """Five labelled radio buttons, each with a face pictogram."""

    option_template_name = "feedback/widgets/scale_option.html"

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        # A whole name for the static storage: hashed names in production have no prefix to
        # concatenate a value to.
        option["pictogram"] = static(f"welcome/pictograms/scale-{value}.svg") if value else ""
        return option


def _question_field(question):
    common = {
        "label": question.text,
        "help_text": question.help_text,
        "required": question.required,
    }
    kind = Question.Kind
    if question.kind == kind.SINGLE:
        return forms.TypedChoiceField(
            choices=[(c.pk, c.label) for c in question.choices.all()],
            coerce=int,
            widget=forms.RadioSelect,
            **common,
        )
    if question.kind == kind.MULTIPLE:
        return forms.TypedMultipleChoiceField(
            choices=[(c.pk, c.label) for c in question.choices.all()],
            coerce=int,
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if question.kind == kind.SCALE:
        return forms.TypedChoiceField(choices=SCALE, coerce=int, widget=ScaleWidget, **common)
    if question.kind == kind.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    return forms.CharField(
        max_length=MAX_TEXT_ANSWER, widget=forms.Textarea(attrs={"rows": 4}), **common
    )


class QuestionnaireForm(forms.Form):
    """The questions of a questionnaire, plus a honeypot field that people never see."""

    # Bots fill every field; people never see this one (hidden by CSS, out of the tab order).
    website = forms.CharField(
        required=False,
        max_length=200,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, questionnaire, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        self.questions = list(questionnaire.questions.prefetch_related("choices"))
        for question in self.questions:
            self.fields[f"q{question.pk}"] = _question_field(question)

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def question_fields(self):
        return [self[f"q{question.pk}"] for question in self.questions]

    @transaction.atomic
    def save(self, language):
        """Store the response and its answers together, or nothing."""
        response = Response.objects.create(questionnaire=self.questionnaire, language=language)
        answers, chosen = [], []
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if value in (None, "", []):
                continue
            answer = Answer(response=response, question=question)
            if question.kind == Question.Kind.SCALE:
                answer.scale_value = value
            elif question.kind == Question.Kind.YES_NO:
                answer.yes_no = value == "yes"
            elif question.kind == Question.Kind.TEXT:
                answer.text = value
            answers.append(answer)
            if question.has_choices:
                chosen.append((answer, value if isinstance(value, list) else [value]))
        Answer.objects.bulk_create(answers)
        Answer.choices.through.objects.bulk_create(
            [
                Answer.choices.through(answer_id=answer.pk, choice_id=choice_id)
                for answer, choice_ids in chosen
                for choice_id in choice_ids
            ]
        )
        return response


class PageFeedbackForm(forms.Form):
    useful = forms.ChoiceField(choices=YES_NO, label=_("Was this page useful?"))
    comment = forms.CharField(
        required=False,
        max_length=MAX_COMMENT,
        label=_("What was missing or hard to understand? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    website = forms.CharField(required=False, max_length=200)


class MentoringRequestForm(forms.ModelForm):
    """Only what the coordinator needs to call back, and the reader's explicit consent."""

    kind = forms.ChoiceField(
        choices=MentoringRequest.Kind.choices, widget=forms.RadioSelect, label=_("Your request")
    )

    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("We need your agreement to keep your details.")},
    )
    website = forms.CharField(
        required=False,
        max_length=200,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
