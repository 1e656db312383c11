"""Developer tools: the dataset builder, font subsetter, translation updater, screenshots."""
