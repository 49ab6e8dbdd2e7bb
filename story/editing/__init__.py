"""Writing to a package: the one write API, addressed by ids."""
