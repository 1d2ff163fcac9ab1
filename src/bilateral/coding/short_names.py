"""The short forms news use for the full names of persons in the actor dictionary."""

from __future__ import annotations

from collections.abc import Callable


def short_names(
    persons: list[dict[str, str]], particles: frozenset[str], prefixes: frozenset[str],
    is_known: Callable[[str], bool],
) -> dict[str, list[str]]:
    """The short forms news use for a full name of three words or more: given and family name
    ("Omar Hassan Ahmad Al Bashir" -> "Omar Bashir", "Omar Al Bashir", "Omar al-Bashir"). A form
    that is already an entry (``is_known``), or would name people of two countries, is left out; so are forms
    whose first word is a generic given name or title ("Mohammad", "Abdul", "Sheikh")."""
    forms: dict[str, tuple[str, set[str]]] = {}
    for r in persons:
        words = r["name"].split()
        if len(words) < 3 or words[0].lower() in prefixes or words[0].lower() in particles:
            continue
        cands = [f"{words[0]} {words[-1]}"]
        if words[-2].lower() in particles:
            cands += [f"{words[0]} {words[-2]} {words[-1]}", f"{words[0]} {words[-2].lower()}-{words[-1]}"]
        for c in cands:
            key = c.lower()
            name, countries = forms.setdefault(key, (r["name"], set()))
            countries.add(r["country"] if name == r["name"] else "?")
    out: dict[str, list[str]] = {}
    for key, (name, countries) in forms.items():
        if len(countries) != 1 or is_known(key):
            continue
        out.setdefault(name, []).append(key.title().replace("Al-", "al-").replace("El-", "el-"))
    return out
