# Django has no formats for Tigrinya: without these, dates and times fall back to the project's
# defaults. Day, month name, year, and a 24-hour clock (as the guide writes times: 08:30).
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
FIRST_DAY_OF_WEEK = 1  # Monday
