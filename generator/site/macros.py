"""The mkdocs-macros module: hand-written pages read the same plan as generated ones.

The plan comes from the `playbook` plugin of the same build (there is no other
channel). Everything returned is escaped Markdown, so user text in `{{ me.goal }}` or
in a macro's output shows literally and is never evaluated again.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs_macros.plugin import MacrosPlugin

from generator.metrics.situation import Situation
from generator.render.escape import escape_inline, link
from generator.render.pages import home_checklist, home_numbers, home_week
from generator.site.plugin import PlaybookPlugin


def _plan(env: MacrosPlugin) -> Situation:
    config: MkDocsConfig = env.conf
    plugin = config.plugins.get("playbook")
    if not isinstance(plugin, PlaybookPlugin):
        raise PluginError("the macros module needs the 'playbook' plugin in mkdocs.yml")
    return plugin.current_plan(config)


def define_env(env: MacrosPlugin) -> None:
    me = _plan(env).plan.me
    env.variables["me"] = {
        "name": escape_inline(me.name),
        "headline": escape_inline(me.headline),
        "goal": escape_inline(me.goal),
        "location": escape_inline(me.location),
        "country": escape_inline(me.country),
        "linkedin": link(me.linkedin) if me.linkedin else Markup(""),
        "email": escape_inline(me.email),
    }

    @env.macro  # type: ignore[untyped-decorator]
    def checklist() -> str:
        """The four steps, each ticked only when its targets are met."""
        return home_checklist(_plan(env))

    @env.macro  # type: ignore[untyped-decorator]
    def headline_numbers() -> str:
        """The numbers that say whether the method is working."""
        return home_numbers(_plan(env))

    @env.macro  # type: ignore[untyped-decorator]
    def this_week() -> str:
        """A short view of this week's work, linking to the full page."""
        return home_week(_plan(env))
