"""The store's own inter-process lock: an ``flock`` on a sidecar file ``FILE.lock``, held for a Store's life.

DuckDB locks its file too, but only while a connection is open. :meth:`bilateral.store.Store.recycle`
closes and reopens the connection (to hand DuckDB's native memory back during a long ingest), and
in that moment another process could take DuckDB's lock. The sidecar lock closes that gap: a store
takes it before DuckDB opens the file and keeps it until the store is closed, across any number of
reopens.

* A writable store takes it exclusively, a read-only store shared (several readers at once, no
  reader beside a writer: DuckDB's own rule, so a reader can never slip in during a writer's
  reopen and make the reopen fail).
* A process refused the lock raises :class:`~bilateral.store.StoreInUse` (``database FILE is in
  use by process N``) without touching the DuckDB file. N comes from Linux's ``/proc/locks``, or
  else from the process id each holder writes into the lock file.
* Within one process, stores on the same file share one lock (DuckDB shares one database there too).
* The file is never deleted (deleting a lock file races with processes opening it); it is empty of
  meaning when no process holds the lock.
* A read-only store whose lock file cannot be created (a read-only folder) goes on without it and
  relies on DuckDB's lock alone; such a store never reopens its connection.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import threading
from dataclasses import dataclass

SUFFIX = ".lock"
_PID = re.compile(rb"\d+")


def lock_path(db: str) -> str:
    """The sidecar lock file of the database file ``db`` (symbolic links resolved): ``DB.lock``."""
    return os.path.realpath(db) + SUFFIX


@dataclass(slots=True)
class _Held:
    fd: int
    shared: bool
    users: int = 1


_HELD: dict[str, _Held] = {}  # lock file -> the lock this process holds on it
_GUARD = threading.Lock()


class StoreLock:
    """This process's hold on the sidecar lock of one database file; :meth:`release` once when done."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._released = False

    @property
    def held(self) -> bool:
        """Whether this hold is still in force (not released)."""
        return not self._released

    def release(self) -> None:
        """Give this hold up; the lock goes when the last store of this process on the file lets go."""
        with _GUARD:
            if self._released:
                return
            self._released = True
            held = _HELD.get(self.path)
            if held is None:
                return
            held.users -= 1
            if held.users == 0:
                del _HELD[self.path]
                os.close(held.fd)  # closing the last descriptor releases the flock


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def _lock_holders(fd: int) -> list[tuple[str, int]]:
    """``(mode, pid)`` of every flock on the file open as ``fd``, from Linux's ``/proc/locks``."""
    st = os.fstat(fd)
    dev_ino = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    holders: list[tuple[str, int]] = []
    try:
        with open("/proc/locks") as fh:
            for line in fh:
                # "1: FLOCK  ADVISORY  WRITE 4242 fe:00:2360603 0 EOF" (waiters have "->" after the number)
                parts = line.split()
                if len(parts) >= 6 and parts[1] == "FLOCK" and parts[5] == dev_ino and parts[4].isdigit():
                    holders.append((parts[3], int(parts[4])))
    except OSError:
        pass
    return holders


def holder_pid(fd: int) -> int | None:
    """The process holding the lock on the lock file open as ``fd`` (a writer first), or ``None`` if unknown.

    Read from ``/proc/locks`` where there is one; else the process id the holder wrote into the file,
    if that process is alive (with several readers the file names the last one to arrive).
    """
    holders = sorted(_lock_holders(fd), key=lambda h: h[0] != "WRITE")
    for _, pid in holders:
        if pid > 0 and pid != os.getpid() and _alive(pid):
            return pid
    try:
        match = _PID.search(os.pread(fd, 64, 0))
    except OSError:
        return None
    if match is None:
        return None
    pid = int(match.group())
    return pid if _alive(pid) else None


class StoreInUse(RuntimeError):
    """The store's file is held by another process: ``database FILE is in use by process N``.

    Raised for the store's own lock (``FILE.lock``, this module) and for
    DuckDB's lock conflict alike.
    """

    _PID = re.compile(r"\(PID (\d+)\)")

    def __init__(self, path: str, pid: int | None, detail: str = "") -> None:
        self.path = path
        self.pid = pid
        who = f"process {pid}" if pid is not None else "another process"
        super().__init__(f"database {path} is in use by {who}{detail}")

    @classmethod
    def from_duckdb(cls, path: str, exc: Exception) -> Exception:
        """The clear error for DuckDB's lock conflict, or a one-line error for another I/O failure."""
        text = str(exc)
        if "lock" not in text.lower():
            first = text.strip().splitlines()[0] if text.strip() else exc.__class__.__name__
            return OSError(f"database {path} cannot be opened: {first}")
        match = cls._PID.search(text)
        return cls(path, int(match.group(1)) if match else None,
                   " (stop it, or wait for it to finish, then retry)")


def acquire(db: str, *, shared: bool) -> StoreLock | None:
    """Take the sidecar lock of database file ``db`` without waiting (shared for a read-only store).

    Raises :class:`~bilateral.store.StoreInUse` naming the holder's process when another process
    holds it in a conflicting mode. Returns ``None`` when a read-only store cannot have the lock
    (the database does not exist yet, or the lock file cannot be created); a writer that cannot
    create the lock file gets an :class:`OSError`.
    """
    path = lock_path(db)
    with _GUARD:
        held = _HELD.get(path)
        if held is not None:  # this process holds it already: DuckDB decides if the modes may mix
            held.users += 1
            return StoreLock(path)
        if shared and not os.path.exists(db):
            return None  # DuckDB will say the file is missing; leave no lock file behind
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            if not shared:
                raise OSError(f"database {db} cannot be opened: cannot create its lock file {path} "
                              f"({exc.strerror or exc.__class__.__name__})") from None
            try:
                fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                return None
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except OSError as exc:
            busy = exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)
            pid = holder_pid(fd) if busy else None
            os.close(fd)
            if not busy:
                raise OSError(f"database {db} cannot be opened: cannot lock {path} "
                              f"({exc.strerror or exc.__class__.__name__})") from None
            raise StoreInUse(db, pid, " (stop it, or wait for it to finish, then retry)") from None
        # record who holds it (readers overwrite each other: any one of them is a right answer); a
        # read-only lock file cannot take it: the lock holds all the same, the message says "another process"
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _HELD[path] = _Held(fd, shared)
        return StoreLock(path)


def _forget_in_child() -> None:
    """After ``fork``: the child must not keep the parent's lock alive, so it closes its copies."""
    global _GUARD
    _GUARD = threading.Lock()  # it may have been held by another thread at the fork
    for held in _HELD.values():
        with contextlib.suppress(OSError):
            os.close(held.fd)  # close only: flock(LOCK_UN) here would release the parent's lock too
    _HELD.clear()


os.register_at_fork(after_in_child=_forget_in_child)
