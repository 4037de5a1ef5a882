"""Video interviews: meetings for an application on Zoom (when keyed) or Jitsi, their calendar
invitations, and what Zoom's webhook reports back (meeting ended, recordings)."""
