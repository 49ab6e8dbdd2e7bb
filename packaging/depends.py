"""The .deb's Depends, worked out from the standalone folder itself.

Every shared library an ELF file in the folder needs (``DT_NEEDED``) is either
in the folder or a Debian library; the Debian ones are found with ``ldconfig``
and named by ``dpkg -S``. Nothing else is listed but what the app runs but
does not link: ``ffmpeg`` (pydub imports recordings through it) and ``libpq5``
(the shared library's PostgreSQL client, loaded by psycopg at run time).
libc6 gets the newest glibc symbol version any file in the folder asks for:
that is the oldest system the .deb runs on.

``python depends.py FOLDER`` prints the Depends line; ``--glibc`` prints only
the glibc version; a library found nowhere is an error (exit 1).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

#: Run, not linked: found on PATH or loaded with ctypes.
RUNTIME = {
    "ffmpeg": "pydub reads and converts recordings through ffmpeg/ffprobe (imports)",
    "libpq5": "psycopg's pure-Python client loads libpq for the shared library",
}


def _elf_files(folder: Path) -> list[Path]:
    out = []
    for p in folder.rglob("*"):
        if p.is_file() and not p.is_symlink():
            with p.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    out.append(p)
    return out


def _read_elves(files: list[Path]) -> dict[Path, tuple[list[str], tuple[int, ...]]]:
    """Each file's DT_NEEDED names and newest GLIBC_ version, from one readelf per 200 files."""
    found: dict[Path, tuple[list[str], tuple[int, ...]]] = {}
    for i in range(0, len(files), 200):
        chunk = files[i : i + 200]
        text = subprocess.run(
            ["readelf", "-d", "-V", "-W", *map(str, chunk)], capture_output=True, text=True
        ).stdout
        # readelf heads each file's part with "File: NAME" when given several
        parts = (
            re.split(r"^File: (.+)$", text, flags=re.M)
            if len(chunk) > 1
            else ["", str(chunk[0]), text]
        )
        for name, body in zip(parts[1::2], parts[2::2], strict=True):
            needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", body)
            versions = [
                tuple(int(n) for n in v.split("."))
                for v in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", body)
            ]
            path = Path(name.strip())
            old_needed, old_glibc = found.get(path, ([], (0,)))
            found[path] = (old_needed + needed, max([old_glibc, *versions]))
    return found


def _system_libraries() -> dict[str, str]:
    """soname -> path of the x86-64 (or native) libraries ldconfig knows."""
    text = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found: dict[str, str] = {}
    for name, arch, path in re.findall(r"^\s*(\S+) \(([^)]*)\) => (\S+)$", text, re.M):
        if "x86-64" in arch or "64bit" in arch or "," not in arch:
            found.setdefault(name, path)
    return found


#: Where the loader looks by default, for a file ldconfig lists under another soname
#: (Debian's libbz2.so.1 is a link to the library whose soname is libbz2.so.1.0).
LIBRARY_DIRS = (
    "/lib/x86_64-linux-gnu",
    "/usr/lib/x86_64-linux-gnu",
    "/lib64",
    "/usr/lib64",
    "/lib",
    "/usr/lib",
)


def _in_library_dirs(name: str) -> str | None:
    return next((f"{d}/{name}" for d in LIBRARY_DIRS if Path(d, name).exists()), None)


def _owners(paths: set[str]) -> dict[str, str]:
    """path -> the Debian package that holds it (``dpkg -S``, once for all, also via /usr)."""
    asked = {}
    for p in paths:
        for candidate in (p, str(Path(p).resolve())):
            asked[candidate] = p
            if candidate.startswith("/lib/"):
                asked["/usr" + candidate] = p
    done = subprocess.run(["dpkg", "-S", *sorted(asked)], capture_output=True, text=True)
    found: dict[str, str] = {}
    for line in done.stdout.splitlines():
        package, _, path = line.partition(": ")
        if path in asked and "," not in package:
            found.setdefault(asked[path], package.split(":")[0])
    unowned = sorted(paths - set(found))
    if unowned:
        raise SystemExit("depends: no Debian package holds " + ", ".join(unowned))
    return found


def depends(folder: Path) -> tuple[list[str], tuple[int, ...]]:
    bundled = {p.name for p in folder.rglob("*")}
    system = _system_libraries()
    paths: set[str] = set()
    missing: list[str] = []
    glibc: tuple[int, ...] = (0,)
    for f, (needed, newest) in _read_elves(_elf_files(folder)).items():
        glibc = max(glibc, newest)
        for name in needed:
            if name in bundled:
                continue
            path = system.get(name) or _in_library_dirs(name)
            if path is None:
                missing.append(f"{f} needs {name}")
            else:
                paths.add(path)
    if missing:
        raise SystemExit(
            "depends: not in the folder nor on this system:\n  " + "\n  ".join(missing)
        )
    packages = set(_owners(paths).values()) - {"libc6"}
    return sorted(packages | set(RUNTIME)), glibc


if __name__ == "__main__":
    pkgs, glibc = depends(Path(sys.argv[1]))
    version = ".".join(map(str, glibc))
    if "--glibc" in sys.argv:
        print(version)
    else:
        print(", ".join([f"libc6 (>= {version})", *pkgs]))
