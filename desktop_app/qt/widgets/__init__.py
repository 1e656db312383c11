"""The panes of the main window: detail pane, source view, search panel (and how it draws a hit)."""
