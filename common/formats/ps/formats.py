# Django has no formats for Pashto: without these, dates and times fall back to the project's
# defaults (« déc. 22, 2024 », « 8:30 a.m. »). Day, month name, year; a 24-hour clock, as in
# the Dari formats Afghan readers also see.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "Y/m/d"
FIRST_DAY_OF_WEEK = 6  # Saturday
