"""Contacts and the week's work in formats other tools read: CSV, vCard, iCalendar."""
