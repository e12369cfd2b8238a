"""Edit the plan's YAML files in place, keeping every byte the user wrote."""
