"""Pieces every cog shares: the error-handling command tree, safe text, the fuzzy name index, the clock."""
