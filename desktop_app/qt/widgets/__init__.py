"""The panes of the main window: detail pane, source view."""
