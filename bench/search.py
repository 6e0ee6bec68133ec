"""
Time the search on ten times the demo content: `make bench-search` runs it on SQLite (a
throwaway file) and on a throwaway PostgreSQL.

For each query (found at once, through a synonym, corrected, or nothing), runs
search.queries.search() ROUNDS times and prints the median and the 99th percentile, then the
same over every query, as a Markdown table. Figures, not assertions: the tests assert behaviour.
"""

import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome.settings")
# Production mode: with DEBUG on, Django keeps every query in memory.
os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
os.environ["DJANGO_DEBUG"] = "false"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from bench.content import load_demo_times  # noqa: E402
from search.models import Entry  # noqa: E402
from search.queries import search  # noqa: E402

QUERIES = [
    ("fr", "sante"),
    ("fr", "médecins"),
    ("fr", "CAF"),
    ("fr", "titre de séjour"),
    ("fr", "papiers"),  # a synonym
    ("fr", "medcin"),  # corrected
    ("en", "doctors"),
    ("en", "residence permit"),
    ("fr-falc", "médecin"),
    ("fr", "zzzz qwerty"),  # nothing
]


def timed(language, query):
    durations = []
    for _round in range(ROUNDS):
        start = time.perf_counter()
        search(query, language)
        durations.append((time.perf_counter() - start) * 1000)
    return durations


def p99(durations):
    return statistics.quantiles(durations, n=100)[98]


def main():
    load_demo_times(10)
    print(f"{connection.vendor}: {Entry.objects.count()} entries, {ROUNDS} rounds per query\n")
    print("| language | query | results | p50 (ms) | p99 (ms) |")
    print("|---|---|---:|---:|---:|")
    everything = []
    for language, query in QUERIES:
        search(query, language)  # warm the connection and the stemmers
        durations = timed(language, query)
        everything += durations
        count = len(search(query, language).hits)
        print(
            f"| {language} | {query} | {count} | {statistics.median(durations):.1f} "
            f"| {p99(durations):.1f} |"
        )
    print(f"| all | | | {statistics.median(everything):.1f} | {p99(everything):.1f} |")


if __name__ == "__main__":
    main()
