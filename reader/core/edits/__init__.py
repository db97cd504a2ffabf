"""The reader's own English for sentences: edits and chosen alternatives, kept per document."""
