"""What readers tell us: the questionnaire and « was this page useful? ».

Nothing here identifies a person: no IP address, no user agent, no cookie, no account.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.content import ContentKind
from common.translations import CheckedTranslation, TranslationTracking
from guide.models import Section

MAX_TEXT_ANSWER = 2000
MAX_COMMENT = 1000


class QuestionnaireQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Questionnaire(CheckedTranslation):
    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("title", "introduction")

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    introduction = models.TextField(_("introduction"), blank=True)
    active = models.BooleanField(
        _("active"), default=False, help_text=_("The questionnaire readers see online.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        ordering = ["-active", "-created_at"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self):
        return self.title


class Question(TranslationTracking):
    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("text", "help_text")

    class Kind(models.TextChoices):
        SINGLE = "single", _("one choice")
        MULTIPLE = "multiple", _("several choices")
        SCALE = "scale", _("scale from 1 to 5")
        YES_NO = "yes_no", _("yes or no")
        TEXT = "text", _("free text")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    @property
    def has_choices(self):
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)


class Choice(TranslationTracking):
    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("label",)

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("label"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.label


class Response(models.Model):
    """One submitted questionnaire: when, in which language, and nothing about who."""

    content_kind = ContentKind.SUBMITTED

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="responses"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    language = models.CharField(_("language"), max_length=10)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return f"{self.questionnaire} – {self.submitted_at:%Y-%m-%d %H:%M}"


class Answer(models.Model):
    content_kind = ContentKind.SUBMITTED

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choices = models.ManyToManyField(Choice, blank=True, related_name="answers")
    scale_value = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    yes_no = models.BooleanField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=MAX_TEXT_ANSWER)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_a_question")
        ]

    def __str__(self):
        return f"{self.question}: {self.display_value()}"

    def display_value(self):
        if self.scale_value is not None:
            return str(self.scale_value)
        if self.yes_no is not None:
            return str(_("Yes") if self.yes_no else _("No"))
        if self.text:
            return self.text
        return ", ".join(choice.label for choice in self.choices.all())


class PageFeedback(models.Model):
    """« Was this page useful? » at the end of a guide section."""

    content_kind = ContentKind.SUBMITTED

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="feedback")
    language = models.CharField(_("language"), max_length=10)
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), blank=True, max_length=MAX_COMMENT)
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")

    def __str__(self):
        return f"{self.section} – {'+' if self.useful else '-'}"
