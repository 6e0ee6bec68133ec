# Category and Place arrive with the places issue.
