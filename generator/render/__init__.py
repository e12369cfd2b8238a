"""Turning the model into Markdown pages and message drafts."""
