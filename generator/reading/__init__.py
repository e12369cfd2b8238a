"""Reading the plans folder: safe file access, YAML with positions, the schema."""
