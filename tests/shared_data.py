"""Where tests and benchmarks find the project's shared data: ``../shared`` beside the repository.

Never an absolute path: a checkout anywhere finds its own ``../shared``, and one without it skips
the tests that need it, saying which path is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def missing_reason(path: Path) -> str:
    """The skip reason for a missing shared file or folder: its path, and where it is looked for."""
    return f"{path} is not present (the shared data is looked for beside the repository, in ../shared)"


def shared_path(*parts: str) -> Path:
    """``../shared/<parts>``, or skip the test naming the missing path."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(missing_reason(path))
    return path
