"""The packaged CAMEO codebook against its shared sources (real data, no mocks)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bilateral.coding.ontology import CameoCode, Codebook, CodebookError

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ontology"
ICEWS_CSV = SHARED / "andybega_icews" / "data-raw" / "cameo-codes.csv"


@pytest.fixture(scope="module")
def cb() -> Codebook:
    return Codebook.load()


def test_load_is_cached(cb: Codebook) -> None:
    assert Codebook.load() is cb


def test_counts(cb: Codebook) -> None:
    assert len(cb) == 312
    assert len(cb.roots()) == 20
    assert sum(1 for c in cb.codes if len(c) == 3) == 147
    assert sum(1 for c in cb.codes if len(c) == 4) == 145


def test_codes_are_zero_padded_strings(cb: Codebook) -> None:
    assert "051" in cb and "51" not in cb
    assert "010" in cb and "10" in cb  # "10" is the DEMAND root, "010" a statement
    assert cb.get("10").name == "DEMAND"
    assert cb.get("010").name == "Make statement"


def test_known_entries(cb: Codebook) -> None:
    c = cb.get("051")
    assert isinstance(c, CameoCode)
    assert (c.name, c.goldstein, c.root, c.quad_class) == ("Praise or endorse", 3.4, "05", 1)
    assert cb.get("0331").goldstein == 5.2
    assert cb.get("173").quad_class == 4
    assert cb.get("1213").name == "Reject judicial cooperation"


def test_plover(cb: Codebook) -> None:
    assert cb.get("051").plover == "SUPPORT"
    assert cb.get("0331").plover == "AGREE"
    assert cb.get("0331").plover_context == "economic"
    assert cb.get("173").plover == "COERCE"
    assert cb.get("173").plover_mode == "arrest"
    assert cb.get("0841").plover == "RETREAT"
    assert cb.get("081").plover == "CONCEDE"
    assert cb.get("190").plover == "ASSAULT"
    # PLOVER drops statements and appeals
    assert cb.get("010").plover is None and cb.get("023").plover is None
    # every code from 03 on has a PLOVER type (directly or from a parent)
    assert all(c.plover for c in cb if int(c.root) >= 3)


@pytest.mark.parametrize(
    ("root", "quad"), [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)]
)
def test_quad_classes(cb: Codebook, root: str, quad: int) -> None:
    assert cb.get(root).quad_class == quad
    assert all(cb.get(c).quad_class == quad for c in cb.children(root))


def test_children(cb: Codebook) -> None:
    assert cb.children("03")[:2] == ("030", "031")
    assert set(cb.children("033")) == {"0331", "0332", "0333", "0334"}
    assert cb.children("051") == ()
    with pytest.raises(KeyError):
        cb.children("999")
    with pytest.raises(KeyError):
        cb.get("999")


@pytest.mark.skipif(not ICEWS_CSV.exists(), reason="shared ontology sources not present")
def test_matches_source_csv(cb: Codebook) -> None:
    with ICEWS_CSV.open(encoding="utf-8", errors="replace", newline="") as fh:
        src = list(csv.DictReader(fh))
    assert [r["code"] for r in src] == list(cb.codes)
    for r in src:
        c = cb.get(r["code"])
        assert c.goldstein == float(r["goldstein"])
        assert c.name == " ".join(r["name"].split())
        assert c.root == r["root_code"]


def test_validation_rejects_bad_data() -> None:
    head = "code,name,goldstein,root,quad_class,plover,plover_mode,plover_context\n"
    ok = "01,MAKE PUBLIC STATEMENT,0,01,1,,,\n"
    assert len(Codebook.from_csv_text(head + ok)) == 1
    with pytest.raises(CodebookError, match="duplicate"):
        Codebook.from_csv_text(head + ok + ok)
    with pytest.raises(CodebookError, match="Goldstein"):
        Codebook.from_csv_text(head + "01,X,11,01,1,,,\n")
    with pytest.raises(CodebookError, match="root"):
        Codebook.from_csv_text(head + "051,Praise,3.4,05,1,SUPPORT,,\n")
    with pytest.raises(CodebookError, match="line 2"):
        Codebook.from_csv_text(head + "01,X,notanumber,01,1,,,\n")
    with pytest.raises(CodebookError, match="columns"):
        Codebook.from_csv_text("code,name\n01,X\n")
