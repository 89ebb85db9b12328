"""Benchmarks: `make bench` (python -m benchmarks) prints figures and writes latest.json."""
