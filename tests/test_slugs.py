from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.checking import load_plan
from generator.model.names import strip_accents
from generator.model.slugs import slugify, unique_slugs
from tests.conftest import EXAMPLE_PLAN, FIXTURES

URL_SAFE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def slug_before_transliteration(text: str, fallback: str = "item") -> str:
    """The rule before non-Latin scripts were transliterated, kept to prove Latin
    names keep their pages."""
    ascii_text = strip_accents(text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if slug:
        return slug[:80].rstrip("-")
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{fallback}-{digest}"


# Latin names and what their slugs were before transliteration (and still are).
LATIN = [
    ("Łukasz Żółć", "lukasz-zolc"),
    ("Åsa Lindqvist", "asa-lindqvist"),
    ("Jiří Dvořák", "jiri-dvorak"),
    ("Jürgen Weiß", "jurgen-weiss"),
    ("François Müller-Lüdenscheidt", "francois-muller-ludenscheidt"),
    ("Søren Kierkegaard", "soren-kierkegaard"),
    ("Þórunn Guðmundsdóttir", "thorunn-gudmundsdottir"),
    ("Ægir Ørsted", "aegir-orsted"),
    ("Œuvre Française", "oeuvre-francaise"),
    ("İlkay Gündoğan", "ilkay-gundogan"),
    ("Đorđe Balašević", "dorde-balasevic"),
    ("Ştefan Ţiriac", "stefan-tiriac"),
    ("Nguyễn Văn An", "nguyen-van-an"),
    ("Anne-Marie O'Brien", "anne-marie-o-brien"),
    ("Daan van der Berg", "daan-van-der-berg"),
    ("Kühne + Nagel", "kuhne-nagel"),
    ("Schäfer & Söhne GmbH", "schafer-sohne-gmbh"),
    ("Straße 1", "strasse-1"),
    ("№ 5 Consulting", "no-5-consulting"),
    ("ﬁnance", "finance"),
    ("Smith 🚀", "smith"),
    ("../../x", "x"),
    ("..\\..\\etc/passwd", "etc-passwd"),
]


@pytest.mark.parametrize(("name", "slug"), LATIN)
def test_latin_slugs_are_unchanged(name: str, slug: str) -> None:
    assert slugify(name) == slug
    assert slug_before_transliteration(name) == slug


NON_LATIN = [
    ("Иван Петров", "ivan-petrov"),
    ("Олександр Шевченко", "oleksandr-shevchenko"),
    ("Щукин Жорж Хрущёв Цой Йорик", "shchukin-zhorzh-khrushchev-tsoy-yorik"),
    ("Γιώργος Παπαδόπουλος", "giorgos-papadopoulos"),
    ("ΠΑΠΑΔΟΠΟΥΛΟΣ", "papadopoulos"),
    ("Ψάλτης Χατζής Θεοδώρου", "psaltis-chatzis-theodorou"),
    ("Ευάγγελος Αυγερινός", "evangelos-avgerinos"),  # before a voiced letter
    ("Ευθύμιος Ναύπλιο", "efthymios-nafplio"),  # before a voiceless one
    ("Σταύρος Ευ", "stavros-ef"),  # at the end of a word
    ("Ταΰγετος", "taygetos"),  # a diaeresis splits the pair
    ("张伟", "zhang-wei"),
    ("Ħal Far", "hal-far"),  # a Latin letter with no base letter of its own
]


@pytest.mark.parametrize(("name", "slug"), NON_LATIN)
def test_other_scripts_are_transliterated(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_slugs_of_the_example_plan_are_unchanged() -> None:
    """Every page address of the example plan, as recorded before transliteration."""
    plan = load_plan(EXAMPLE_PLAN, dt.date(2026, 11, 26))
    lines = [f"sector\t{plan[s].slug}\t{s.name}" for s in plan.plan.sectors]
    lines += [f"company\t{plan[c].slug}\t{c.name}" for c in plan.plan.companies]
    lines += [f"person\t{p.slug}\t{p.person.name} ({p.person.company.name})" for p in plan.people]
    expected = (FIXTURES / "slugs" / "example-plan.tsv").read_text(encoding="utf-8")
    assert "\n".join(lines) + "\n" == expected


def test_path_like_names_stay_inside_the_folder() -> None:
    assert slugify("../../x") == "x"
    assert slugify("..\\..\\etc/passwd") == "etc-passwd"
    assert slugify("../Иван") == "ivan"


def test_names_with_nothing_to_spell_get_a_stable_slug() -> None:
    # The hash is of the name itself, so it stays the same from one build to the next.
    assert slugify("😀", "person") == "person-9c533688"
    assert re.fullmatch(r"person-[0-9a-f]{8}", slugify("★ ☆", "person"))
    assert slugify("😀", "person") != slugify("😎", "person")


def test_cyrillic_namesakes_keep_the_uniqueness_rule() -> None:
    pairs = [("Иван Петров", "Север"), ("Иван Петров", "Юг"), ("Ivan Petrov", "")]
    assert unique_slugs(pairs) == ["ivan-petrov", "ivan-petrov-yug", "ivan-petrov-2"]


def test_namesakes_get_distinct_slugs_first_one_keeps_the_plain_slug() -> None:
    pairs = [("Anna Nowak", "Volta Cells"), ("Anna Nowak", "Nordic Robotics"), ("Anna Nowak", "")]
    assert unique_slugs(pairs) == ["anna-nowak", "anna-nowak-nordic-robotics", "anna-nowak-2"]


def _spelled_today(char: str) -> bool:
    return strip_accents(unicodedata.normalize("NFC", char)).isascii()


# Text whose every character the old rule could spell (or drop as a symbol): Latin
# letters with their accents, digits, punctuation and emoji.
latin_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)).filter(
        lambda c: _spelled_today(c) or unicodedata.category(c)[0] not in "LN"
    ),
    max_size=40,
)


@given(latin_text)
def test_text_the_old_rule_could_spell_keeps_its_slug(text: str) -> None:
    assert slugify(text) == slug_before_transliteration(text)


# Names in the scripts a plan is likely to hold, mixed with anything at all.
names = st.one_of(
    st.text(),
    st.text(st.characters(min_codepoint=0x370, max_codepoint=0x4FF)),  # Greek, Cyrillic
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x24F)),  # Latin
    st.text(st.sampled_from("ИванПетровГιώργοςου λ-.")),
)


@given(st.lists(st.tuples(names, names), max_size=30))
def test_slugs_are_unique_and_url_safe(pairs: list[tuple[str, str]]) -> None:
    slugs = unique_slugs(pairs)
    assert len(set(slugs)) == len(slugs)
    for slug in slugs:
        assert URL_SAFE.fullmatch(slug)
        assert len(slug) <= 200


@given(names)
def test_a_slug_is_short_and_url_safe(name: str) -> None:
    slug = slugify(name)
    assert URL_SAFE.fullmatch(slug)
    assert len(slug) <= 80
