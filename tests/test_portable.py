"""The repository works from any checkout: no file names a folder of the machine it was written on.

The folders are those of this checkout, found at run time: the repository itself, the folder it sits
in (where ``../shared`` lives) unless that is a temporary folder, and the user's home.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from tests.shared_data import REPO, SHARED

_SKIP_PARTS = {".git", ".venv", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "node_modules"}


def _files() -> list[Path]:
    """The files git tracks or would add (untracked and not ignored); every file when git is absent."""
    try:
        out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO,
                             capture_output=True, check=True).stdout
        return [REPO / name for name in out.decode().split("\0") if name and (REPO / name).is_file()]
    except (OSError, subprocess.CalledProcessError):
        return [p for p in REPO.rglob("*") if p.is_file() and not _SKIP_PARTS & set(p.relative_to(REPO).parts)]


def _machine_folders() -> list[str]:
    generic = {"/", "/tmp", "/var/tmp", str(Path(tempfile.gettempdir()).resolve())}
    folders = {str(REPO), str(REPO.parent), str(SHARED), str(Path.home())}
    return sorted(f + "/" for f in folders - generic if f not in generic)


def test_no_file_names_this_machines_folders() -> None:
    folders = [f.encode() for f in _machine_folders()]
    assert folders, "no folder to look for"
    found = []
    for path in _files():
        data = path.read_bytes()
        if b"\0" in data[:8192]:
            continue  # binary (a model, an image): not written by hand
        for n, line in enumerate(data.splitlines(), start=1):
            hits = [f.decode() for f in folders if f in line]
            if hits:
                found.append(f"{path.relative_to(REPO)}:{n}: {', '.join(hits)}")
    assert not found, "absolute paths of this machine (use a path relative to the repository):\n" + "\n".join(found)
