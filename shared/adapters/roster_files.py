"""Roster files at the edge: a OneRoster folder or zip, or a simple CSV, read into text sources.

The importer (shared.services.roster_import) takes those sources and never touches files.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from shared.services.roster_rows import (
    MAX_FILE_BYTES,
    ONEROSTER_FILES,
    OneRosterExport,
    RosterSource,
    RosterUnreadable,
    SimpleRosterCsv,
)


def read_roster_source(path: Path) -> RosterSource:
    """A OneRoster folder or zip, or a simple CSV file, read from disk."""
    if path.is_dir():
        files = {p.name.lower(): p for p in path.iterdir() if p.name.lower() in ONEROSTER_FILES}
        return _oneroster_export({name: _bytes_of(p) for name, p in files.items()})
    if not path.is_file():
        raise RosterUnreadable(f"{path} does not exist")
    if zipfile.is_zipfile(path):
        return oneroster_from_zip(path.read_bytes())
    if path.suffix.lower() == ".csv":
        return SimpleRosterCsv(path.name, _text_of(path.name, _bytes_of(path)))
    raise RosterUnreadable(f"{path.name}: expected a OneRoster folder or zip, or a .csv file")


def roster_source_from_upload(filename: str, data: bytes) -> RosterSource:
    """A roster uploaded through the admin page: a OneRoster zip or a simple CSV."""
    if filename.lower().endswith(".zip"):
        return oneroster_from_zip(data)
    if filename.lower().endswith(".csv"):
        return SimpleRosterCsv(filename, _text_of(filename, data))
    raise RosterUnreadable(f"{filename}: expected a OneRoster .zip or a .csv file")


def oneroster_from_zip(data: bytes) -> OneRosterExport:
    """A zipped OneRoster export (the files may sit in a folder inside the zip)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise RosterUnreadable("the file is not a readable zip") from None
    found: dict[str, bytes] = {}
    with archive:
        for info in archive.infolist():
            name = Path(info.filename).name.lower()
            if info.is_dir() or name not in ONEROSTER_FILES or "__MACOSX" in info.filename:
                continue
            if info.file_size > MAX_FILE_BYTES:
                raise RosterUnreadable(f"{name} is larger than {MAX_FILE_BYTES} bytes")
            found[name] = archive.read(info)
    return _oneroster_export(found)


def _oneroster_export(raw: dict[str, bytes]) -> OneRosterExport:
    if "users.csv" not in raw:
        raise RosterUnreadable("a OneRoster export needs users.csv; none was found")
    return OneRosterExport({name: _text_of(name, data) for name, data in raw.items()})


def _bytes_of(path: Path) -> bytes:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise RosterUnreadable(f"{path.name} is larger than {MAX_FILE_BYTES} bytes")
    return path.read_bytes()


def _text_of(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # spreadsheets save UTF-8 with a byte-order mark
    except UnicodeDecodeError:
        raise RosterUnreadable(f"{name} is not UTF-8 text (save it as 'CSV UTF-8')") from None
