"""The reader's vocabulary: saved words with their sentence pair, exported to Anki or CSV."""
