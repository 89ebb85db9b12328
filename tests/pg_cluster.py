"""A real PostgreSQL server for the tests and benchmarks, started on loopback in a temporary
data directory (Debian's postgresql package: initdb + pg_ctl).

PostgreSQL refuses to run as root, and CI runs as root: there the server runs as the
``postgres`` system user (``runuser``), its directory owned by that user. Missing binaries
are a failure with a message, never a skip (``.ci/run`` installs the package).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "postgres"


class PostgresMissing(RuntimeError):
    pass


def find_bindir() -> Path:
    env = os.environ.get("UTREDNING_PG_BINDIR")
    candidates = [Path(env)] if env else []
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    which = shutil.which("pg_ctl")
    if which:
        candidates.append(Path(which).resolve().parent)
    for folder in candidates:
        if (folder / "pg_ctl").exists() and (folder / "initdb").exists():
            return folder
    raise PostgresMissing(
        "PostgreSQL-servern saknas (initdb/pg_ctl hittades inte): installera Debians paket "
        "postgresql (.ci/run gör det) eller ange mappen i UTREDNING_PG_BINDIR."
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgCluster:
    bindir: Path
    root: Path
    port: int
    as_root: bool

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, user: str = SUPERUSER, database: str = "postgres", password: str = "") -> str:
        """A TCP URL (scram passwords, as on a real server)."""
        secret = password or (SUPERUSER_PASSWORD if user == SUPERUSER else "")
        auth = f"{user}:{quote(secret, safe='')}" if secret else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.as_root:
            cmd = ["runuser", "-u", SUPERUSER, "--", *cmd]
        return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            f"--pwfile={self.root / 'pw'}",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        # Loopback only; fsync off: a test server, thrown away afterwards.
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} "
            f"-c unix_socket_directories={self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def psql(self, sql: str, *, user: str = SUPERUSER, database: str = "postgres") -> str:
        """Run ``sql`` through the local socket (trust) as ``user``."""
        result = subprocess.run(
            [
                str(self.bindir / "psql"),
                "-h",
                str(self.root),
                "-p",
                str(self.port),
                "-U",
                user,
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-qAtc",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return result.stdout


SUPERUSER_PASSWORD = "test-lösen-superuser"


@contextlib.contextmanager
def running_cluster() -> Iterator[PgCluster]:
    bindir = find_bindir()
    as_root = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="utredning-pg-"))
    (root / "pw").write_text(SUPERUSER_PASSWORD + "\n", encoding="utf-8")
    if as_root:
        shutil.chown(root, SUPERUSER, SUPERUSER)
        shutil.chown(root / "pw", SUPERUSER, SUPERUSER)
    cluster = PgCluster(bindir, root, _free_port(), as_root)
    try:
        cluster.start()
    except subprocess.CalledProcessError as exc:
        log = (root / "log").read_text(errors="replace") if (root / "log").exists() else ""
        cluster.stop()
        raise RuntimeError(f"PostgreSQL startade inte: {exc.stderr}\n{log}") from exc
    try:
        yield cluster
    finally:
        cluster.stop()
