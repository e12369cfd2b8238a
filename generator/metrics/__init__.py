"""Every number the playbook shows, computed from a plan's facts as of their day.

Pages, `status`, `next` and the exports all read these functions, so a figure is the
same everywhere: `counts` (funnel, series, inbound), `outreach` (this week's batch,
follow-ups, what is pending or coming up), `budget` (LinkedIn's limits) and `checklist`
(the four steps). `situation.Situation` keeps the figures the week is made of, each
worked out once.
"""
