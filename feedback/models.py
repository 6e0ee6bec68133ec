# The questionnaire models arrive with the feedback issue.
