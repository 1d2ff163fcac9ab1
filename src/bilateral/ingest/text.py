"""Plain text reader: one ``.txt`` file is one document.

* ``title`` is the first non-empty line (stripped);
* ``text`` is the whole file, unchanged, so sentence offsets point into the file;
* ``id`` is ``txt-`` followed by the first 16 hex digits of
  :attr:`~bilateral.model.Document.content_hash` (SHA-1 of the whitespace-normalised,
  lower-cased text). It does not depend on the path: the same story saved
  under two names gets the same id, and moving a file changes nothing;
* ``origin`` is the path as given.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bilateral.ingest.registry import ReadError, ReadIssue, read_bytes_utf8, register_reader
from bilateral.model import Document


def text_document(text: str, origin: str | None = None, prefix: str = "txt") -> Document:
    """Build the document of a plain text, with the path-independent id described above."""
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    doc = Document(id="", text=text, title=title, origin=origin)
    doc.id = f"{prefix}-{doc.content_hash[:16]}"
    return doc


class TextReader:
    """Reads ``.txt`` files."""

    name = "txt"
    suffixes: tuple[str, ...] = (".txt", ".text")

    def matches(self, path: Path) -> bool:
        """True for ``.txt`` and ``.text`` files."""
        return path.suffix.lower() in self.suffixes

    def read(self, path: Path) -> Iterator[Document | ReadIssue]:
        """Yield the one document of ``path``; raise :class:`ReadError` if it is not UTF-8 or empty."""
        text = read_bytes_utf8(path)
        if not text.strip():
            raise ReadError("empty file")
        yield text_document(text, origin=str(path))


register_reader(TextReader())
