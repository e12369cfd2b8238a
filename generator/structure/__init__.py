"""The one data model every page, command and metric reads."""
