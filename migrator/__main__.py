"""``python -m migrator`` is the ``migrate-fixtures`` command."""

from migrator.cli import main

main()
