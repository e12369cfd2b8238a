"""Reading the user's YAML: parsing with positions, validating against the schema."""
