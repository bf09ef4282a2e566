"""etl_gone: news articles about one story -> a DuckDB warehouse of paragraphs,
quotes, claims and a curated events timeline."""

__version__ = "0.1.0"
