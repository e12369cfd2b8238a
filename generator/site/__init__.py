"""The bridge to MkDocs: shared state, the hooks module, the macros module, the build call."""
