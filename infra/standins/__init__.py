"""Start local servers that speak the real wire protocol of a cloud service (for tests)."""
