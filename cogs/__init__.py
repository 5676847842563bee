"""One cog per command family. Each module is a discord.py extension loaded in `setup_hook`."""

EXTENSIONS = ("cogs.cast", "cogs.countdown", "cogs.quotes", "cogs.admin")
