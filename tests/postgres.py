"""
Run a command against a throwaway PostgreSQL cluster: `python -m tests.postgres pytest ...`.

The cluster lives in a temporary directory, listens on a free loopback port, and is stopped and
removed when the command ends. initdb refuses to run as root, so as root the server runs as the
`postgres` system user (or `nobody`). Without PostgreSQL the run is skipped, except under CI=true
where a missing server is a failure.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile


def _bindir():
    found = shutil.which("initdb")
    if found:
        return os.path.dirname(os.path.realpath(found))
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    return os.path.dirname(candidates[-1]) if candidates else None


def _version(path):
    try:
        return int(path.split("/")[-3])
    except ValueError:
        return 0


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_user():
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    sys.exit("Running as root, but neither a 'postgres' nor a 'nobody' user exists.")


def _run(user, argv, **kwargs):
    if user is not None:
        argv = ["runuser", "-u", user.pw_name, "--", *argv]
    return subprocess.run(argv, check=True, **kwargs)


def main(command):
    bindir = _bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            sys.exit("PostgreSQL is not installed (CI=true: this is a failure, not a skip).")
        print("PostgreSQL is not installed: skipping the PostgreSQL run.", file=sys.stderr)
        return 0

    user = _server_user()
    workdir = tempfile.mkdtemp(prefix="bienvenue-pg-")
    datadir = os.path.join(workdir, "data")
    port = free_port()
    if user is not None:
        os.chown(workdir, user.pw_uid, user.pw_gid)
    quiet = {"stdout": subprocess.DEVNULL}
    try:
        _run(
            user,
            [
                f"{bindir}/initdb",
                "-D",
                datadir,
                "-U",
                "bienvenue",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            **quiet,
        )
        # Durability is worthless for a throwaway cluster; speed is not.
        options = (
            f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        _run(
            user,
            [
                f"{bindir}/pg_ctl",
                "-D",
                datadir,
                "-o",
                options,
                "-l",
                os.path.join(workdir, "server.log"),
                "-w",
                "start",
            ],
            **quiet,
        )
        env = dict(
            os.environ,
            DATABASE_URL=f"postgres://bienvenue@127.0.0.1:{port}/postgres",
            # For the tests that stop and start the server, or dump and restore a database.
            BIENVENUE_PG_BINDIR=bindir,
            BIENVENUE_PG_DATA=datadir,
            BIENVENUE_PG_OPTIONS=options,
            BIENVENUE_PG_LOG=os.path.join(workdir, "server.log"),
            BIENVENUE_PG_USER=user.pw_name if user else "",
        )
        print(f"PostgreSQL {os.path.basename(os.path.dirname(bindir))} on port {port}", flush=True)
        return subprocess.run(command, env=env).returncode
    finally:
        if os.path.exists(os.path.join(datadir, "postmaster.pid")):
            _run(user, [f"{bindir}/pg_ctl", "-D", datadir, "-m", "immediate", "stop"], **quiet)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m tests.postgres COMMAND [ARGS...]")
    sys.exit(main(sys.argv[1:]))
