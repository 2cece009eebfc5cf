"""Qt models over rows fetched through the core; ``data()`` never queries."""
