"""Review mode and File › Import report…: the proposals table beside the source (issue 14)."""
