"""Playbook: a strategic-networking plan kept as YAML, rendered into a private MkDocs site."""

__version__ = "0.1.0"
