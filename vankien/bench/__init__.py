"""Benchmarks: figures printed, never asserted.

python -m vankien.bench search [--site DIR]     the search index and bytes per query
python -m vankien.bench compare [--sizes 250 1000]   vankien beside Hugo, Pagefind, mkdocs-material
python -m vankien.bench saves PROJECT [--kind title]  the preview's save → served page, by kind of save
python -m vankien.bench corpus DEST --documents N    only generate a corpus (corpus.generate)
python -m vankien.bench.ranking [--documents N]       MRR@10 of 48 queries on the example and a generated site
"""
