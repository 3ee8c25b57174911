"""One module per backend, each implementing a port of `shared.ports`."""
