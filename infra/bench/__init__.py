"""Benchmarks the CLI runs: each module exposes run() -> dict of figures."""
