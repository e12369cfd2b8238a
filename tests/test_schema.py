"""The schema and the model name the same keys, so a new key can never be a TypeError."""

from __future__ import annotations

import dataclasses

import pytest

from generator.model import model
from generator.model.vocabulary import MessageKind
from generator.reading import schema
from generator.reading.fields import Mapping

PAIRS = [
    (schema.ME, model.Me),
    (schema.TARGETS, model.Targets),
    (schema.SECTOR, model.Sector),
    (schema.PLAN, model.Plan),
    (schema.TOUCH, model.Touch),
    (schema.PERSON, model.Person),
    (schema.COMPANY, model.Company),
    (schema.INBOUND_ENTRY, model.Inbound),
    (schema.LINKEDIN_COUNTS, model.LinkedInCounts),
    (schema.INVITATION_DAY, model.InvitationDay),
    (schema.PENDING_DAY, model.PendingDay),
]
# Where a record came from: the one constructor argument that is not a key of the file...
STRUCTURAL = {"location"}
# ... but for what reading joins to a record: the other files of a plan, where each of
# me's keys is written, and whom an inbound entry names.
JOINED = {
    model.Plan: {"companies", "inbound", "linkedin"},
    model.Me: {"key_locations"},
    model.Inbound: {"person", "source"},
}


@pytest.mark.parametrize(("mapping", "dataclass"), PAIRS, ids=lambda x: getattr(x, "__name__", ""))
def test_schema_keys_are_the_dataclass_fields(mapping: Mapping, dataclass: type) -> None:
    init_fields = {f.name for f in dataclasses.fields(dataclass) if f.init}
    assert set(mapping.keys) <= init_fields, "every key has a field"
    extra = init_fields - set(mapping.keys) - STRUCTURAL
    assert extra == JOINED.get(dataclass, set()), "every field but these is a key"


@pytest.mark.parametrize(("mapping", "dataclass"), PAIRS, ids=lambda x: getattr(x, "__name__", ""))
def test_records_are_frozen(mapping: Mapping, dataclass: type) -> None:
    assert dataclass.__dataclass_params__.frozen  # type: ignore[attr-defined]
    for field in dataclasses.fields(dataclass):
        assert "list[" not in str(field.type) and "dict[" not in str(field.type), field.name


@pytest.mark.parametrize(("mapping", "dataclass"), PAIRS, ids=lambda x: getattr(x, "__name__", ""))
def test_model_fields_have_no_defaults_of_their_own(mapping: Mapping, dataclass: type) -> None:
    """Defaults live in the schema only: a constructor argument has none."""
    for field in dataclasses.fields(dataclass):
        if field.init:
            assert field.default is dataclasses.MISSING, f"{dataclass.__name__}.{field.name}"
            assert field.default_factory is dataclasses.MISSING, (
                f"{dataclass.__name__}.{field.name}"
            )


def test_messages_hold_one_template_per_kind() -> None:
    assert list(schema.MESSAGES.keys) == [kind.value for kind in MessageKind]
