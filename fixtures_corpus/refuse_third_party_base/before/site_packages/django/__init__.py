"""A stand-in for the django package: only the import path matters to the refusal."""
