"""Turning the model into Markdown pages, charts and escaped text."""
