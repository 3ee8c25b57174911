"""Newsletter extraction: the contract every extractor meets, and the offline pieces."""
