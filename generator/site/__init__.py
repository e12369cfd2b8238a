"""The bridge to MkDocs: the plugin, its session, the nav, the macros, publishing."""
