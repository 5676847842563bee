"""The SQLite store: schema, atomic rebuild from articles, and the read side the cogs use."""
