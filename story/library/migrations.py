"""The library's schema, as an ordered list of SQL steps and a version row.

Why not Alembic: the schema is plain PostgreSQL DDL plus roles, grants,
row-level security and triggers, none of which Alembic autogenerates; the
steps in one module, applied in one transaction under an advisory lock,
are easier to read and to test than a migration tree. ``STEPS[i]`` takes a
library at version ``i`` to ``i + 1``; ``storyport_library`` holds the version.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text

from story.library.connection import LibraryError, connected

#: Step 1: stories, immutable versions, media stored once in chunks.
_V1 = """
CREATE TABLE storyport_library (
    kind text NOT NULL DEFAULT 'storyport-library' CHECK (kind = 'storyport-library'),
    version integer NOT NULL
);
INSERT INTO storyport_library (version) VALUES (0);

CREATE TABLE stories (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
    title text NOT NULL DEFAULT '',
    created_by text NOT NULL DEFAULT session_user,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE media (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size bigint NOT NULL CHECK (size >= 0),
    chunk_size integer NOT NULL CHECK (chunk_size > 0),
    added_by text NOT NULL DEFAULT session_user,
    added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE media_chunks (
    sha256 text NOT NULL REFERENCES media ON DELETE CASCADE,
    n integer NOT NULL CHECK (n >= 0),
    data bytea NOT NULL,
    PRIMARY KEY (sha256, n)
);
-- Photos and recordings are compressed already: store the chunks without TOAST compression.
ALTER TABLE media_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE versions (
    id bigserial PRIMARY KEY,
    story_id bigint NOT NULL REFERENCES stories,
    number integer NOT NULL CHECK (number >= 1),
    pushed_by text NOT NULL DEFAULT session_user,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    message text NOT NULL DEFAULT '',
    format_version integer NOT NULL,
    title text NOT NULL DEFAULT '',
    content bytea NOT NULL,
    content_sha256 text NOT NULL,
    UNIQUE (story_id, number)
);

CREATE TABLE version_media (
    version_id bigint NOT NULL REFERENCES versions ON DELETE CASCADE,
    media_id text NOT NULL,
    sha256 text NOT NULL REFERENCES media,
    PRIMARY KEY (version_id, media_id)
);
CREATE INDEX version_media_sha256 ON version_media (sha256);

-- Who pushed is the database's session user, whatever the client sends; a version never changes.
CREATE FUNCTION storyport_stamp_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.pushed_by := session_user;
    NEW.pushed_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER versions_stamp BEFORE INSERT ON versions
    FOR EACH ROW EXECUTE FUNCTION storyport_stamp_version();
CREATE FUNCTION storyport_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a library version is immutable' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions
    FOR EACH ROW EXECUTE FUNCTION storyport_refuse_change();
"""

#: Step 2: editing locks, approvals, and the roles that the database enforces.
_V2 = """
CREATE TABLE story_locks (
    story_id bigint PRIMARY KEY REFERENCES stories,
    owner text NOT NULL DEFAULT session_user,
    host text NOT NULL DEFAULT '',
    since timestamptz NOT NULL DEFAULT now(),
    expires timestamptz NOT NULL
);
ALTER TABLE story_locks ENABLE ROW LEVEL SECURITY;
CREATE POLICY locks_read ON story_locks FOR SELECT USING (true);
CREATE POLICY locks_take ON story_locks FOR INSERT WITH CHECK (owner = session_user);
CREATE POLICY locks_take_over ON story_locks FOR UPDATE
    USING (owner = session_user OR expires < now()) WITH CHECK (owner = session_user);
CREATE POLICY locks_release ON story_locks FOR DELETE USING (owner = session_user);

CREATE TABLE approvals (
    version_id bigint PRIMARY KEY REFERENCES versions,
    approved_by text NOT NULL DEFAULT session_user CHECK (approved_by = session_user),
    approved_at timestamptz NOT NULL DEFAULT now()
);

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'storyport_viewer') THEN
        CREATE ROLE storyport_viewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'storyport_curator') THEN
        CREATE ROLE storyport_curator NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'storyport_editor') THEN
        CREATE ROLE storyport_editor NOLOGIN;
    END IF;
END $$;
GRANT storyport_viewer TO storyport_curator;
GRANT storyport_curator TO storyport_editor;

GRANT SELECT ON storyport_library, stories, media, media_chunks, versions, version_media,
    story_locks, approvals TO storyport_viewer;
GRANT INSERT ON stories, media, media_chunks, versions, version_media TO storyport_curator;
GRANT UPDATE (title) ON stories TO storyport_curator;
GRANT INSERT, UPDATE, DELETE ON story_locks TO storyport_curator;
GRANT USAGE ON SEQUENCE stories_id_seq, versions_id_seq TO storyport_curator;
GRANT INSERT ON approvals TO storyport_editor;
"""

#: Step 3: the library's identity (a package remembers which library and version it came
#: from), what a version was based on or restored from, and notices of pushes and locks
#: (NOTIFY on channel ``storyport_library``, sent at commit by triggers, whoever writes).
_V3 = """
ALTER TABLE storyport_library ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE versions ADD COLUMN based_on integer, ADD COLUMN restored_from integer;

CREATE FUNCTION storyport_notify_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('storyport_library', json_build_object(
        'event', 'version', 'story', (SELECT name FROM stories WHERE id = NEW.story_id),
        'version', NEW.number, 'by', NEW.pushed_by)::text);
    RETURN NULL;
END $$;
CREATE TRIGGER versions_notify AFTER INSERT ON versions
    FOR EACH ROW EXECUTE FUNCTION storyport_notify_version();

CREATE FUNCTION storyport_notify_lock() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r story_locks;
BEGIN
    IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
    PERFORM pg_notify('storyport_library', json_build_object(
        'event', CASE WHEN TG_OP = 'DELETE' THEN 'unlock' ELSE 'lock' END,
        'story', (SELECT name FROM stories WHERE id = r.story_id),
        'by', CASE WHEN TG_OP = 'DELETE' THEN session_user::text ELSE r.owner END)::text);
    RETURN NULL;
END $$;
CREATE TRIGGER locks_notify AFTER INSERT OR UPDATE OR DELETE ON story_locks
    FOR EACH ROW EXECUTE FUNCTION storyport_notify_lock();
"""

#: Step 4: a version's content as pieces stored once by SHA-256 (one per table row, and the
#: schema), so a push sends only the pieces the library lacks; versions made before keep
#: their one ``content`` file (``content`` is NULL for a version made of pieces).
_V4 = """
CREATE TABLE content_pieces (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    data bytea NOT NULL,
    added_by text NOT NULL DEFAULT session_user
);
CREATE TABLE version_pieces (
    version_id bigint NOT NULL REFERENCES versions ON DELETE CASCADE,
    key text NOT NULL,
    sha256 text NOT NULL REFERENCES content_pieces,
    PRIMARY KEY (version_id, key)
);
CREATE INDEX version_pieces_sha256 ON version_pieces (sha256);
ALTER TABLE versions ALTER COLUMN content DROP NOT NULL;
GRANT SELECT ON content_pieces, version_pieces TO storyport_viewer;
GRANT INSERT ON content_pieces, version_pieces TO storyport_curator;
"""

STEPS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
#: The library schema version this code reads and writes.
LIBRARY_VERSION = len(STEPS)
#: pg_advisory_xact_lock key: two ``init`` at once run one after the other.
_LOCK_KEY = 0x5374506B


def _library_row(conn: Connection) -> dict[str, object] | None:
    """The ``storyport_library`` row as a dict (its columns differ by schema version)."""
    if conn.execute(text("SELECT to_regclass('storyport_library')")).scalar() is None:
        return None
    sql = "SELECT to_jsonb(l) FROM storyport_library l"
    return dict(conn.execute(text(sql)).scalar_one())


def library_version(conn: Connection) -> int | None:
    """The schema version of the library, or None when the database is not a library."""
    row = _library_row(conn)
    return None if row is None else int(str(row["version"]))


def library_id(conn: Connection) -> str:
    """The library's identity (a UUID made by ``init``): a package pulled from it remembers it."""
    return str(conn.execute(text("SELECT id FROM storyport_library")).scalar_one())


def migrate(conn: Connection, *, target: int = LIBRARY_VERSION) -> tuple[int, int]:
    """Bring the library to ``target`` in the caller's transaction; returns (from, to)."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    found = library_version(conn)
    start = 0 if found is None else found
    if start > LIBRARY_VERSION:
        raise LibraryError(
            f"the library is at schema version {start}, newer than this Storyport "
            f"({LIBRARY_VERSION}): update Storyport"
        )
    if found is None and _has_tables(conn):
        raise LibraryError("the database already holds other tables: it is not a Storyport library")
    for step in range(start, target):
        conn.exec_driver_sql(STEPS[step])
        conn.execute(text("UPDATE storyport_library SET version = :v"), {"v": step + 1})
    return start, max(start, target)


def _has_tables(conn: Connection) -> bool:
    sql = "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
    return bool(conn.execute(text(sql)).scalar_one())


def require_library(conn: Connection, where: str) -> str:
    """Refuse, in one line, a database that is not a Storyport library at this version;
    returns the library's id (two queries in all: every push makes them)."""
    row = _library_row(conn)
    if row is None:
        raise LibraryError(
            f"the database at {where} is not a Storyport library (run `library init` first)"
        )
    version = int(str(row["version"]))
    if version > LIBRARY_VERSION:
        raise LibraryError(
            f"the library at {where} is at schema version {version}, newer than this "
            f"Storyport ({LIBRARY_VERSION}): update Storyport"
        )
    if version < LIBRARY_VERSION:
        raise LibraryError(
            f"the library at {where} is at schema version {version}: run `library init` to upgrade"
        )
    return str(row.get("id", ""))


def init_library(engine: Engine) -> tuple[int, int]:
    """Create the library in an empty database, or upgrade it; re-running it changes nothing."""
    with connected(engine, "create the library (it needs the owner of the database)") as conn:
        return migrate(conn)
