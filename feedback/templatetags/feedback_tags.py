from django import template

from feedback.forms import PageFeedbackForm

register = template.Library()


@register.inclusion_tag("feedback/includes/page_feedback.html")
def page_feedback(section, thanked=False, form=None):
    """« Was this page useful? » at the end of a section (the form comes back when refused)."""
    return {"section": section, "thanked": thanked, "form": form or PageFeedbackForm()}
