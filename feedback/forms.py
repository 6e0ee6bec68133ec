from django import forms
from django.db import transaction
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from common.antispam import HoneypotForm

from .models import MAX_COMMENT, MAX_TEXT_ANSWER, Answer, Question, Response

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
        option["pictogram"] = static(f"common/pictograms/scale-{value}.svg")
        return option


def _question_field(question):
    common = {
        "label": question.text,
        "help_text": question.help_text,
        "required": question.required,
    }
    kind = Question.Kind
    if question.kind == kind.SINGLE:
        return forms.ChoiceField(
            choices=[(c.pk, c.label) for c in question.choices.all()],
            widget=forms.RadioSelect,
            **common,
        )
    if question.kind == kind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=[(c.pk, c.label) for c in question.choices.all()],
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if question.kind == kind.SCALE:
        return forms.ChoiceField(choices=SCALE, widget=ScaleWidget, **common)
    if question.kind == kind.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    rows = {"rows": 4}  # pragma: no mutate (presentation)
    return forms.CharField(max_length=MAX_TEXT_ANSWER, widget=forms.Textarea(attrs=rows), **common)


class QuestionnaireForm(HoneypotForm):
    """The questions of a questionnaire, plus the honeypot."""

    def __init__(self, questionnaire, data=None):
        super().__init__(data)
        self.questionnaire = questionnaire
        self.questions = list(questionnaire.questions.prefetch_related("choices"))
        for question in self.questions:
            self.fields[f"q{question.pk}"] = _question_field(question)

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


class PageFeedbackForm(HoneypotForm):
    useful = forms.ChoiceField(choices=YES_NO, label=_("Was this page useful?"))
    comment = forms.CharField(
        required=False,
        max_length=MAX_COMMENT,
        label=_("What was missing or hard to understand? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_COMMENT}),
    )

    def __init__(self, *args, **kwargs):
        # Ids of its own: the form sits at the end of a page that has other forms (search).
        kwargs.setdefault("auto_id", "page-feedback-%s")
        super().__init__(*args, **kwargs)
