"""Message drafts: user templates rendered in a bounded sandbox."""
