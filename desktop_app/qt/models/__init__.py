"""Qt item models over the report (tree, indicator table) and their data roles."""
