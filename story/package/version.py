"""The package format's identity, importable without SQLAlchemy (start-up needs it first)."""

#: ``PRAGMA application_id`` of every package: ASCII "StPk".
APPLICATION_ID = 0x5374506B
#: The schema version this code writes (also ``PRAGMA user_version``).
SCHEMA_VERSION = 4
