"""Benchmarks of coalition-kg at 10k, 100k and 1M triples: a seeded data generator and a harness (`make bench`)."""
