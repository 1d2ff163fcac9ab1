"""The packaged actor dictionary (real data, no mocks)."""

from __future__ import annotations

import csv
import importlib.util
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.coding.actors import ActorDictionary, ActorEntry, normalize_token, tokenize

_UN = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = _UN.split()


@pytest.fixture(scope="module")
def ad() -> ActorDictionary:
    return ActorDictionary.load()


def first(ad: ActorDictionary, text: str, date: str | None = None, i: int = 0) -> tuple[int, ActorEntry] | None:
    return ad.match(tokenize(text), i, date)


def test_load_is_cached(ad: ActorDictionary) -> None:
    assert ActorDictionary.load() is ad
    assert len(ad) > 30_000


@pytest.mark.parametrize(
    ("text", "code", "sector", "kind"),
    [
        ("Islamabad said", "PAK", None, "metonym"),
        ("Washington said", "USA", None, "metonym"),
        ("U.S. officials", "USA", None, "country"),
        ("US troops", "USA", None, "country"),
        ("Pakistan's army", "PAK", None, "country"),
        ("Pakistani officials", "PAK", None, "adjective"),
        ("the Pentagon said", "USA", "MIL", "metonym"),
        ("Pentagon's budget", "USA", "MIL", "metonym"),
        ("the White House", "USA", "GOV", "metonym"),
        ("White House officials", "USA", "GOV", "metonym"),
        ("the Kremlin", "RUS", "GOV", "metonym"),
        ("Downing Street", "GBR", "GOV", "metonym"),
        ("Foggy Bottom", "USA", "GOV", "metonym"),
        ("New Delhi", "IND", None, "metonym"),
        ("Beijing", "CHN", None, "metonym"),
        ("Tokyo", "JPN", None, "metonym"),
        ("Moscow", "RUS", None, "metonym"),
        ("IMF", "IMF", None, "igo"),
        ("International Monetary Fund", "IMF", None, "igo"),
        ("World Bank", "WBK", None, "igo"),
        ("Asian Development Bank", "ADB", None, "igo"),
        ("United Nations", "UNO", None, "igo"),
        ("European Union", "EUR", None, "igo"),
        ("NATO", "NAT", None, "igo"),
        ("ASEAN", "ASN", None, "igo"),
        ("Gulf Cooperation Council", "GCC", None, "igo"),
        ("U.S. Export-Import Bank", "USA", "GOV", "metonym"),
        ("South Korea", "KOR", None, "country"),
        ("North Korea", "PRK", None, "country"),
        ("Ivory Coast", "CIV", None, "country"),
        ("Burma", "MMR", None, "country"),
        ("the Emirates", "ARE", None, "country"),
        ("UAE", "ARE", None, "country"),
        ("Emirati", "ARE", None, "adjective"),
        ("Saudi", "SAU", None, "country"),
        ("Britain", "GBR", None, "country"),
        ("British", "GBR", None, "adjective"),
        ("UK", "GBR", None, "country"),
        ("America", "USA", None, "country"),
        ("American", "USA", None, "adjective"),
        ("Soviet Union", "RUS", None, "country"),
        ("Soviet", "RUS", None, "adjective"),
        ("West Germany", "DEU", None, "country"),
        ("Yugoslavia", "SRB", None, "country"),
        ("Taiwan", "TWN", None, "country"),
        ("Hong Kong", "HKG", None, "country"),
        ("Kosovo", "XKX", None, "country"),
        ("Palestine", "PSE", None, "country"),
        ("Western Sahara", "ESH", None, "country"),
        ("Puerto Rico", "PRI", None, "country"),
        ("Pakistan.", "PAK", None, "country"),
        ("the Taliban", "AFG", "REB", "nonstate"),
        ("Hamas", "PSE", "REB", "nonstate"),
        ("Al Qaeda", "IMG", "REB", "nonstate"),
        ("ISIL", "IMG", "REB", "nonstate"),
        ("Opec", "OPC", None, "igo"),
        ("OPEC", "OPC", None, "igo"),
        ("Nato", "NAT", None, "igo"),
        ("EC ministers", "EUR", None, "igo"),
        ("Bundesbank", "DEU", "GOV", "metonym"),
        ("Bank of Japan", "JPN", "GOV", "metonym"),
        ("Pakistani Taliban", "PAK", "REB", "nonstate"),
        ("Amnesty International", "NGO", None, "ngo"),
        ("Human Rights Watch", "NGO", None, "ngo"),
    ],
)
def test_match_actor(ad: ActorDictionary, text: str, code: str, sector: str | None, kind: str) -> None:
    m = first(ad, text)
    assert m is not None, text
    assert (m[1].code, m[1].sector, m[1].kind) == (code, sector, kind)


def test_longest_match_and_end_index(ad: ActorDictionary) -> None:
    toks = tokenize("The United States and the World Bank signed")
    m = ad.match(toks, 1)
    assert m is not None and m[0] == 3 and m[1].code == "USA"
    m = ad.match(toks, 4)
    assert m is not None and m[1].code == "WBK" and toks[4:m[0]] == ["the", "World", "Bank"]


@pytest.mark.parametrize("text", ["let us talk", "tell us more", "who said", "it is", "they met"])
def test_lowercase_pronouns_do_not_match(ad: ActorDictionary, text: str) -> None:
    toks = tokenize(text)
    assert all(ad.match(toks, i) is None for i in range(len(toks))), text


def test_capital_codes_need_capitals(ad: ActorDictionary) -> None:
    assert first(ad, "us") is None and first(ad, "Us") is None
    assert first(ad, "US") is not None
    assert first(ad, "WHO said") is not None and first(ad, "WHO said")[1].code == "WHO"  # type: ignore[index]
    assert first(ad, "un") is None
    assert first(ad, "ec") is None and first(ad, "Ec") is None
    assert ad.resolve_actor("us") is None
    assert ad.resolve_actor("US") is not None


@pytest.mark.parametrize(
    ("text", "date", "code", "sector", "label"),
    [
        ("Shehbaz Sharif", "2025-06-01", "PAK", "GOV", "Shehbaz Sharif"),
        ("Sharif", "2025-06-01", "PAK", "GOV", "Shehbaz Sharif"),
        ("Sharif", "2015-06-01", "PAK", "GOV", "Nawaz Sharif"),
        ("Reagan", "1987-03-01", "USA", "GOV", "Ronald Reagan"),
        ("Nakasone", "1987-03-01", "JPN", "GOV", "Yasuhiro Nakasone"),
        ("Baker", "1987-03-01", "USA", "GOV", "James Baker"),
        ("Yeutter", "1987-03-01", "USA", "GOV", "Clayton Yeutter"),
        ("Thatcher", "1987-03-01", "GBR", "GOV", "Margaret Thatcher"),
        ("Kohl", "1987-03-01", "DEU", "GOV", "Helmut Kohl"),
        ("Gorbachev", "1987-03-01", "RUS", "GOV", "Mikhail Gorbachev"),
        ("Zia-ul-Haq", "1987-03-01", "PAK", "GOV", "Mohammad Zia-ul-Haq"),
        ("Trump", "2018-01-01", "USA", "GOV", "Donald Trump"),
        ("Trump", "2025-03-01", "USA", "GOV", "Donald Trump"),
        ("Biden", "2022-01-01", "USA", "GOV", "Joe Biden"),
        ("Asim Munir", "2023-01-01", "PAK", "MIL", "Asim Munir"),
        ("Modi", "2020-01-01", "IND", "GOV", "Narendra Modi"),
        ("Xi Jinping", "2020-01-01", "CHN", "GOV", "Xi Jinping"),
    ],
)
def test_dated_officeholders(ad: ActorDictionary, text: str, date: str, code: str, sector: str, label: str) -> None:
    m = first(ad, text + " said", date)
    assert m is not None, (text, date)
    e = m[1]
    assert (e.code, e.sector, e.kind, e.label) == (code, sector, "person", label)
    assert e.valid_on(date)
    r = ad.resolve_actor(text, date)
    assert r is not None and r.label == label


def test_officeholder_outside_dates(ad: ActorDictionary) -> None:
    assert first(ad, "Trump said", "2022-06-01") is None  # between the two terms
    assert first(ad, "Reagan said", "1995-03-01") is None
    assert first(ad, "Munir said", "2021-01-01") is None
    e = ad.resolve_actor("Ronald Reagan", "1995-03-01")
    assert e is None or e.role != "head_of_state"  # at most a former-leader (ELI) entry
    # without a date every entry is acceptable
    m = first(ad, "Reagan said")
    assert m is not None and m[1].label == "Ronald Reagan"


def test_valid_on() -> None:
    e = ActorEntry(("x",), "USA", "GOV", "person", "X", "2017-01-20", "2021-01-20", "head_of_state")
    assert e.valid_on(None) and e.valid_on("2017-01-20") and e.valid_on("2020-12-31T10:00:00")
    assert not e.valid_on("2021-01-20") and not e.valid_on("2016-12-31")
    assert ActorEntry(("y",), "PAK", None, "country", "Pakistan").valid_on("1900-01-01")


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("army", "MIL"), ("military", "MIL"), ("troops", "MIL"), ("ministry", "GOV"), ("ministers", "GOV"),
        ("government", "GOV"), ("officials", "GOV"), ("prime minister", "GOV"), ("court", "JUD"),
        ("parliament", "LEG"), ("rebels", "REB"), ("company", "BUS"), ("firms", "BUS"),
        ("businessmen", "BUS"), ("police", "COP"), ("spokesman", "GOV"), ("central bank", "GOV"),
    ],
)
def test_sector_words(ad: ActorDictionary, text: str, sector: str) -> None:
    m = first(ad, text)
    assert m is not None and m[1].kind == "sector" and m[1].sector == sector and m[1].code == sector


def test_normalize_token() -> None:
    assert normalize_token("U.S.") == "u.s."
    assert normalize_token("U.S") == "u.s."
    assert normalize_token("U.S.'s") == "u.s."
    assert normalize_token("Pakistan's") == "pakistan"
    assert normalize_token("Pakistan’s") == "pakistan"
    assert normalize_token("Pakistan.") == "pakistan"
    assert normalize_token("Americans'") == "americans"
    assert tokenize("the U.S. Export-Import Bank's loan") == ["the", "U.S.", "Export-Import", "Bank's", "loan"]


def test_country_names(ad: ActorDictionary) -> None:
    assert ad.country_name("PAK") == "Pakistan"
    assert ad.country_name("USA") == "United States"
    assert ad.country_name("WBK") == "World Bank"
    assert ad.country_name("ZZZ") == "ZZZ"
    assert ad.country_status("PAK") == "un_member"
    assert ad.country_status("PSE") == "un_observer"


def test_every_un_member_present(ad: ActorDictionary) -> None:
    assert len(set(UN_MEMBERS)) == 193
    for code in [*UN_MEMBERS, "VAT", "PSE", "TWN", "HKG", "XKX", "ESH", "PRI"]:
        assert code in ad.country_codes, code
        e = ad.resolve_actor(ad.country_name(code))
        assert e is not None and e.code == code, code
    assert sum(1 for c in ad.country_codes if ad.country_status(c) == "un_member") == 193


@pytest.mark.skipif(importlib.util.find_spec("pycountry") is None, reason="pycountry not installed")
def test_pycountry_countries_present(ad: ActorDictionary) -> None:
    import pycountry

    for c in pycountry.countries:
        assert c.alpha_3 in ad.country_codes, c.alpha_3


def test_data_files_well_formed() -> None:
    base = resources.files("bilateral").joinpath("data/actors")
    text = base.joinpath("officeholders.tsv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t"))
    assert len(rows) >= 500
    for r in rows:
        assert len(r["country"]) == 3 and r["role"], r
        assert not r["end"] or r["start"] < r["end"], r
    igos = list(csv.DictReader(base.joinpath("igos.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    assert len({r["code"] for r in igos}) == len(igos)


def test_iter_matches(ad: ActorDictionary) -> None:
    toks = tokenize("Pakistani Prime Minister Shehbaz Sharif said the United States praised Islamabad's efforts.")
    got = [(toks[a:b], e.code, e.kind) for a, b, e in ad.iter_matches(toks, "2025-06-01")]
    assert (["Shehbaz", "Sharif"], "PAK", "person") in got
    assert (["the", "United", "States"], "USA", "country") in got
    assert (["Islamabad's"], "PAK", "metonym") in got


def test_igo_codes_do_not_collide_with_countries(ad: ActorDictionary) -> None:
    assert ad.igo_codes and not (ad.igo_codes & ad.country_codes)
    assert ad.is_country("PAK") and not ad.is_country("IMF") and not ad.is_country("GOV")
    assert not ad.is_country("NGO") and not ad.is_country("IMG") and not ad.is_country(None)


def test_split_compound(ad: ActorDictionary) -> None:
    def codes(tok: str) -> list[str] | None:
        got = ad.split_compound(tok)
        return None if got is None else [e.code for e in got]

    assert codes("India-Pakistan") == ["IND", "PAK"]
    assert codes("Sino-Soviet") == ["CHN", "RUS"]
    assert codes("US-China") == ["USA", "CHN"]
    assert codes("Pakistan-IMF") == ["PAK", "IMF"]
    assert codes("us-china") is None  # lower-case "us" is not the USA
    assert codes("Pakistan") is None
    assert codes("long-term") is None
    assert tokenize("India-Pakistan talks") == ["India-Pakistan", "talks"]


def test_short_forms_of_long_names(ad: ActorDictionary) -> None:
    for text in ("Omar Bashir", "Omar Al Bashir", "Omar al-Bashir"):
        e = ad.resolve_actor(text, "2010-05-01")
        assert e is not None and e.code == "SDN", text
    # a bare surname out of office stays unresolved
    assert first(ad, "Reagan said", "1995-03-01") is None


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("Congo", "1987-03-01", "COG"),  # Zaire was the other Congo then
        ("Congolese", "1987-03-01", "COG"),
        ("Congo", "2023-05-01", "COD"),  # "Congo" in today's news is the DR Congo
        ("Congolese", "2023-05-01", "COD"),
        ("Congo", None, "COD"),
        ("the Congo", "2023-05-01", "COD"),
        ("Republic of the Congo", "2023-05-01", "COG"),  # full names keep their country at any date
        ("Congo-Brazzaville", "2023-05-01", "COG"),
        ("Democratic Republic of the Congo", "1987-03-01", "COD"),
        ("Zaire", "1987-03-01", "COD"),
    ],
)
def test_names_whose_country_changed_with_the_date(ad: ActorDictionary, text: str, date: str | None, code: str) -> None:
    words = tokenize(text)
    hit = ad.match(words, 0, date)
    assert hit is not None and hit[0] == len(words) and hit[1].code == code


def match_by_phrases(ad: ActorDictionary, tokens: list[str], i: int, date: str | None) -> tuple[int, ActorEntry] | None:
    """:meth:`ActorDictionary.match` the slow way: every phrase length tried from the longest, each
    phrase's entries always chosen by ``_select`` (no index, no entry that always wins)."""
    longest = max(len(p) for p in ad._phrases)
    for stop in range(min(len(tokens), i + longest), i, -1):
        ents = ad._phrases.get(tuple(normalize_token(t) for t in tokens[i:stop]))
        if ents:
            e = ad._select(ents, tokens[i], date, tokens[i:stop] if stop > i + 1 else ())
            if e is not None:
                return stop, e
    return None


# forms that start phrases of several lengths, persons with dates, capitals-only and group names
PHRASE_WORDS = [
    "the", "The", "United", "States", "Nations", "of", "America", "Bank", "World", "Japan", "Bank", "New", "Delhi",
    "York", "Zealand", "Prime", "Minister", "Shehbaz", "Sharif", "Nawaz", "Barack", "Obama", "Reagan", "Ronald",
    "US", "us", "U.S.", "IS", "is", "Islamic", "State", "islamic", "state", "Armed", "armed", "Group", "group",
    "Haqqani", "network", "Network", "Congo", "Republic", "Democratic", "Congolese", "Said", "said", "in", "In",
    "He", "he", "Lifeng", "lifeng", "army", "officials", "White", "House", "Pakistan's", "Islamabad", "'s", ".",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_WORDS), min_size=1, max_size=12),
       st.sampled_from([None, "1987-03-01", "2010-05-01", "2025-06-01"]))
def test_match_equals_trying_every_phrase(words: list[str], date: str | None) -> None:
    ad = ActorDictionary.load()
    for i in range(len(words)):
        assert ad.match(words, i, date) == match_by_phrases(ad, words, i, date), (words, i)
