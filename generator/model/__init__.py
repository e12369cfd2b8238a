"""The one data model: vocabulary, dataclasses, derived facts, names and slugs."""
