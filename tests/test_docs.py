"""The docs say what the software is: the README's commands are those of ``bilateral --help``, the
public-name table of ``docs/architecture.md`` is each module's ``__all__``, NOTICE covers every
shipped data file, and the docs tell no history (that is CHANGELOG.md's job).

Everything is read from the real thing (the click group's own ``--help``, the imported modules),
so a command or a module added later is checked without touching this file.
"""

from __future__ import annotations

import importlib
import re
import subprocess
from pathlib import Path

from click.testing import CliRunner

from bilateral.cli import main

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "bilateral"
#: The header of the public-name table in docs/architecture.md.
TABLE_HEADER = "| module | job | public names |"


def _help_commands() -> set[str]:
    """The commands ``bilateral --help`` lists."""
    result = CliRunner().invoke(main, ["--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    section = result.output.split("\nCommands:\n", 1)[1]
    return {m.group(1) for m in re.finditer(r"^  (\S+)", section, re.MULTILINE)}


def _readme_commands() -> set[str]:
    """The commands the README's usage block documents (lines starting ``bilateral NAME``)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    usage = text.split("## Usage", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^bilateral ([a-z][a-z0-9-]*)", usage, re.MULTILINE))


def test_readme_lists_the_commands_of_bilateral_help() -> None:
    in_help, in_readme = _help_commands(), _readme_commands()
    assert in_help, "no command found in `bilateral --help`"
    missing = sorted(in_help - in_readme)
    stale = sorted(in_readme - in_help)
    assert not missing and not stale, (
        f"README.md's usage block and `bilateral --help` differ: not in the README: {missing or 'none'}; "
        f"in the README but not in --help: {stale or 'none'} (add or remove a `bilateral NAME ...` line)")


def _table_rows() -> dict[str, set[str]]:
    """Module (``bilateral.x``) → the public names the architecture table gives it."""
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert TABLE_HEADER in text, f"docs/architecture.md has no table headed {TABLE_HEADER!r}"
    rows: dict[str, set[str]] = {}
    for line in text.split(TABLE_HEADER, 1)[1].splitlines()[2:]:
        if not line.startswith("|"):
            break
        module, _job, names = (cell.strip() for cell in line.strip("|").split("|"))
        path = module.strip("`").rstrip("/")
        rows["bilateral." + path.removesuffix(".py")] = set(re.findall(r"`([^`]+)`", names))
    return rows


def _documented_modules() -> set[str]:
    """Every package under src/bilateral/ (but data/) and every top-level module with ``__all__``."""
    found = {f"bilateral.{p.name}" for p in PACKAGE.iterdir() if (p / "__init__.py").is_file() and p.name != "data"}
    for path in PACKAGE.glob("*.py"):
        if path.name != "__init__.py" and re.search(r"^__all__\b", path.read_text(encoding="utf-8"), re.MULTILINE):
            found.add(f"bilateral.{path.stem}")
    return found


def test_architecture_table_matches_each_modules_all() -> None:
    rows = _table_rows()
    problems = [f"{m}: no row in the table of docs/architecture.md" for m in sorted(_documented_modules() - set(rows))]
    for module, documented in sorted(rows.items()):
        exported = set(getattr(importlib.import_module(module), "__all__", ()))
        if documented != exported:
            problems.append(f"{module}: in __all__ but not in the table: {sorted(exported - documented) or 'none'}; "
                            f"in the table but not in __all__: {sorted(documented - exported) or 'none'}")
    assert not problems, "docs/architecture.md's public-name table differs from the code:\n" + "\n".join(problems)


def _tracked(pattern: str) -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", pattern], cwd=REPO,
                             capture_output=True, text=True, check=True).stdout
        return [REPO / name for name in out.splitlines() if (REPO / name).is_file()]
    except (OSError, subprocess.CalledProcessError):
        return [p for p in REPO.rglob(pattern) if ".venv" not in p.parts]


HISTORY = re.compile(r"\bsessions?\b|\bissues?[ -]#?\d+|\(issue\b|\bthis issue\b", re.IGNORECASE)


def test_docs_tell_no_history() -> None:
    docs = [p for p in _tracked("*.md") if p.name != "CHANGELOG.md"] + [REPO / "NOTICE"]
    found = [f"{p.relative_to(REPO)}:{n}: {m.group(0)!r}" for p in docs
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
             for m in [HISTORY.search(line)] if m]
    assert not found, ("the docs describe the software as it is; history (sessions, issue numbers) "
                       "belongs in CHANGELOG.md:\n" + "\n".join(found))


def test_notice_covers_every_shipped_data_file() -> None:
    notice = (REPO / "NOTICE").read_text(encoding="utf-8")
    data = PACKAGE / "data"
    missing = []
    for path in sorted(data.rglob("*")):
        if not path.is_file() or path.suffix in (".py", ".pyc") or path.name == "SOURCES.md":
            continue
        rel = path.relative_to(REPO).as_posix()
        folders = [p.relative_to(REPO).as_posix() + "/" for p in path.parents if data in (p, *p.parents)]
        if rel not in notice and not any(f in notice for f in folders if f != "src/bilateral/data/"):
            missing.append(rel)
    assert not missing, "NOTICE names neither these data files nor their folders:\n" + "\n".join(missing)
