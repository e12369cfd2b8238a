from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from generator.model.slugs import slugify, unique_slugs


def test_diacritics_are_transliterated() -> None:
    assert slugify("Łukasz Żółć") == "lukasz-zolc"
    assert slugify("Åsa Lindqvist") == "asa-lindqvist"
    assert slugify("Jiří Dvořák") == "jiri-dvorak"
    assert slugify("Jürgen Weiß") == "jurgen-weiss"


def test_path_like_names_stay_inside_the_folder() -> None:
    assert slugify("../../x") == "x"
    assert slugify("..\\..\\etc/passwd") == "etc-passwd"


def test_names_without_latin_letters_get_a_stable_slug() -> None:
    # The hash is of the name itself, so it stays the same from one build to the next.
    assert slugify("محمد علي", "person") == "person-3b83ec65"
    assert re.fullmatch(r"person-[0-9a-f]{8}", slugify("😀", "person"))
    assert slugify("😀", "person") != slugify("😎", "person")


def test_namesakes_get_distinct_slugs_first_one_keeps_the_plain_slug() -> None:
    pairs = [("Anna Nowak", "Volta Cells"), ("Anna Nowak", "Nordic Robotics"), ("Anna Nowak", "")]
    assert unique_slugs(pairs) == ["anna-nowak", "anna-nowak-nordic-robotics", "anna-nowak-2"]


@given(st.lists(st.tuples(st.text(), st.text()), max_size=30))
def test_slugs_are_unique_and_url_safe(pairs: list[tuple[str, str]]) -> None:
    slugs = unique_slugs(pairs)
    assert len(set(slugs)) == len(slugs)
    for slug in slugs:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
