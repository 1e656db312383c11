"""Editorial tables, one module per report, read by tools.dataset_builder."""
