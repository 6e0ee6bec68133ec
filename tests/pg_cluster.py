"""Control of the throwaway PostgreSQL cluster that tests/postgres.py started for this run."""

import os
import subprocess

import pytest
from django.db import connection

AVAILABLE = connection.vendor == "postgresql" and "BIENVENUE_PG_DATA" in os.environ
needs_cluster = pytest.mark.skipif(
    not AVAILABLE, reason="needs the PostgreSQL cluster started by tests/postgres.py"
)


def run(program, *args, **kwargs):
    """Run a PostgreSQL program as the cluster's owner; return its standard output."""
    argv = [os.path.join(os.environ["BIENVENUE_PG_BINDIR"], program), *args]
    if os.environ.get("BIENVENUE_PG_USER"):
        argv = ["runuser", "-u", os.environ["BIENVENUE_PG_USER"], "--", *argv]
    return subprocess.run(argv, check=True, capture_output=True, **kwargs).stdout


def url(database=None):
    """The URL of a database of the test cluster (the test database by default)."""
    settings = connection.settings_dict
    name = database or settings["NAME"]
    return f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{name}"


def stop():
    run("pg_ctl", "-D", os.environ["BIENVENUE_PG_DATA"], "-m", "fast", "-w", "stop")


def start():
    run(
        "pg_ctl",
        "-D",
        os.environ["BIENVENUE_PG_DATA"],
        "-o",
        os.environ["BIENVENUE_PG_OPTIONS"],
        "-l",
        os.environ["BIENVENUE_PG_LOG"],
        "-w",
        "start",
    )
