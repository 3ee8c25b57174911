"""Local stack, stand-ins for the cloud, benchmarks and the command-line entry point."""
