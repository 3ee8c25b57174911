"""A folder standing in for the newsletter bucket on the local stack (a `BlobStore` adapter)."""

from __future__ import annotations

import contextlib
import json
import mimetypes
import os
import secrets
import time
from datetime import UTC, datetime
from pathlib import Path
from stat import S_ISREG
from typing import Any

from shared.errors import BadInput, BlobExists, BlobNotFound
from shared.ports import BlobInfo

# Hidden, so it can never clash with an object name (names with hidden segments are refused).
_META_DIR = ".meta"


class LocalFolderBlobStore:
    """Object "a/b.pdf" is the file ROOT/a/b.pdf; files staff drop in by hand are objects too.

    The generation is the file's st_mtime_ns, which this class forces to grow on every write so
    two writes within one clock tick still differ. Content type and custom metadata live in a
    sidecar ROOT/.meta/<name>.json that records the generation it describes: a file replaced by
    hand keeps no stale metadata.
    """

    def __init__(self, root: Path, bucket_name: str) -> None:
        self._root = Path(root)
        self._bucket_name = bucket_name

    @property
    def bucket(self) -> str:
        return self._bucket_name

    @property
    def root(self) -> Path:
        return self._root

    def write(
        self,
        name: str,
        data: bytes,
        content_type: str | None = None,
        *,
        if_absent: bool = False,
    ) -> BlobInfo:
        path = self._path(name)
        self._make_parent(path, name)
        previous = _stat_file(path)
        # A watcher on the folder must never see half a file: write beside, then move in.
        tmp = self._write_temp(path, data, after_ns=previous.st_mtime_ns if previous else 0)
        try:
            if if_absent:
                # link() refuses an existing target atomically, unlike an exists() check.
                try:
                    os.link(tmp, path)
                except FileExistsError as exc:
                    raise BlobExists(f"{self._where(name)} exists already") from exc
            else:
                try:
                    os.replace(tmp, path)
                except IsADirectoryError as exc:
                    raise BadInput(f"{self._where(name)} is a folder of other objects") from exc
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        st = path.stat()
        self._write_sidecar(name, st.st_mtime_ns, content_type, {})
        return self._info(name, st)

    def read(self, name: str) -> bytes:
        path = self._path(name)
        try:
            return path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
            raise BlobNotFound(f"{self._where(name)} not found") from exc

    def stat(self, name: str) -> BlobInfo | None:
        st = _stat_file(self._path(name))
        return None if st is None else self._info(name, st)

    def list(self, prefix: str = "") -> list[BlobInfo]:
        # Walk only the folder the prefix points into; a prefix that could not name any
        # object (it escapes or goes through a hidden folder) matches nothing.
        folder = prefix.rpartition("/")[0]
        if folder and not _is_valid_name(folder):
            return []
        start = self._root / folder if folder else self._root
        infos: list[BlobInfo] = []
        for dirpath, dirnames, filenames in os.walk(start):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            rel_dir = Path(dirpath).relative_to(self._root).as_posix()
            for filename in filenames:
                if filename.startswith("."):
                    continue
                name = filename if rel_dir == "." else f"{rel_dir}/{filename}"
                if not name.startswith(prefix):
                    continue
                st = _stat_file(Path(dirpath) / filename)
                if st is not None:  # deleted while we walked
                    infos.append(self._info(name, st))
        return sorted(infos, key=lambda info: info.name)

    def set_metadata(self, name: str, metadata: dict[str, str]) -> BlobInfo:
        path = self._path(name)
        st = _stat_file(path)
        if st is None:
            raise BlobNotFound(f"{self._where(name)} not found")
        sidecar = self._read_sidecar(name, st.st_mtime_ns)
        merged = {**sidecar.get("metadata", {}), **metadata}
        self._write_sidecar(name, st.st_mtime_ns, sidecar.get("content_type"), merged)
        return self._info(name, st)

    def delete(self, name: str) -> None:
        path = self._path(name)
        for target in (path, self._sidecar_path(name)):
            with contextlib.suppress(FileNotFoundError, IsADirectoryError, NotADirectoryError):
                os.unlink(target)
            self._prune_empty_parents(target)

    # ------------------------------------------------------------------ internals

    def _where(self, name: str) -> str:
        return f"{self._bucket_name}/{name}"

    def _path(self, name: str) -> Path:
        if not _is_valid_name(name):
            raise BadInput(
                f"object name {name!r} must be a relative path without empty, '.', '..' or "
                "hidden segments"
            )
        return self._root.joinpath(*name.split("/"))

    def _sidecar_path(self, name: str) -> Path:
        parts = name.split("/")
        parts[-1] += ".json"
        return self._root.joinpath(_META_DIR, *parts)

    def _make_parent(self, path: Path, name: str) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError) as exc:
            # GCS allows both "a" and "a/b"; a folder cannot, so say which name is in the way.
            raise BadInput(f"{self._where(name)}: a parent folder is an object") from exc

    def _write_temp(self, path: Path, data: bytes, *, after_ns: int) -> Path:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                # Staff uploads must survive a crash right after we answered "stored".
                os.fsync(handle.fileno())
            # The kernel stamps files at clock-tick granularity; bump past the old version so
            # the generation changes on every write.
            stamp = max(time.time_ns(), after_ns + 1)
            os.utime(tmp, ns=(stamp, stamp))
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        return tmp

    def _read_sidecar(self, name: str, generation_ns: int) -> dict[str, Any]:
        try:
            loaded = json.loads(self._sidecar_path(name).read_text(encoding="utf-8"))
        except (FileNotFoundError, NotADirectoryError, ValueError):
            return {}
        if not isinstance(loaded, dict) or loaded.get("generation") != str(generation_ns):
            return {}  # describes a version that was since replaced (for instance by hand)
        return loaded

    def _write_sidecar(
        self, name: str, generation_ns: int, content_type: str | None, metadata: dict[str, str]
    ) -> None:
        sidecar = self._sidecar_path(name)
        sidecar.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "generation": str(generation_ns),
            "content_type": content_type,
            "metadata": metadata,
        }
        tmp = sidecar.with_name(f".{sidecar.name}.{secrets.token_hex(6)}.tmp")
        tmp.write_text(json.dumps(body, sort_keys=True), encoding="utf-8")
        os.replace(tmp, sidecar)

    def _prune_empty_parents(self, path: Path) -> None:
        # Left behind, an empty folder "a" would stop a later write of an object named "a".
        parent = path.parent
        while parent != self._root and self._root in parent.parents:
            try:
                parent.rmdir()
            except OSError:
                return
            parent = parent.parent

    def _info(self, name: str, st: os.stat_result) -> BlobInfo:
        sidecar = self._read_sidecar(name, st.st_mtime_ns)
        content_type = sidecar.get("content_type") or mimetypes.guess_type(name)[0]
        return BlobInfo(
            bucket=self._bucket_name,
            name=name,
            generation=str(st.st_mtime_ns),
            size_bytes=st.st_size,
            content_type=content_type,
            updated_at=datetime.fromtimestamp(st.st_mtime_ns / 1e9, UTC),
            metadata=dict(sidecar.get("metadata", {})),
        )


def _is_valid_name(name: str) -> bool:
    # Hidden segments are refused too: they would reach the sidecar folder and temp files.
    return (
        bool(name)
        and "\\" not in name
        and "\x00" not in name
        and all(segment and not segment.startswith(".") for segment in name.split("/"))
    )


def _stat_file(path: Path) -> os.stat_result | None:
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return st if S_ISREG(st.st_mode) else None
