"""The search engine (no Django): Chinese segmentation, the tantivy index of postings and
résumés, query building, and the person–job matcher (``match.py``).

Importable and benchmarkable without settings: ``bench/search.py`` and ``bench/match.py`` drive
it directly, and the Django side (``fairhire.search.services``) feeds it from the database.
"""
