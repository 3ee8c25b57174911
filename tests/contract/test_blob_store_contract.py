"""The blob-store contract: the same assertions against a local folder and fake-gcs-server."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from shared.adapters.blob_local import LocalFolderBlobStore
from shared.errors import BadInput, BlobExists, BlobNotFound
from shared.ports import BlobStore

# A PDF-like header with NULs and high bytes: anything text-decoding on the way would break it.
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n\x00\x01\x02\xff\x00binary\x00\r\n%%EOF\n"


@pytest.fixture(params=["local", pytest.param("gcs", marks=pytest.mark.emulator)])
def blobs(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    if request.param == "local":
        return LocalFolderBlobStore(tmp_path / "inbox", "newsletters")

    from shared.adapters.blob_gcs import GcsBlobStore

    client = request.getfixturevalue("gcs_client_factory")
    bucket = f"t-{uuid.uuid4().hex[:16]}"  # a fresh bucket per test: no state leaks between tests
    client().create_bucket(bucket)
    return GcsBlobStore(bucket, client)


def test_write_then_read_round_trips_bytes_and_content_type(blobs: BlobStore) -> None:
    written = blobs.write("s1/letter.pdf", b"hello", "application/pdf")
    assert (written.bucket, written.name) == (blobs.bucket, "s1/letter.pdf")
    assert written.content_type == "application/pdf"
    assert written.size_bytes == 5
    assert written.updated_at.tzinfo is not None
    assert blobs.read("s1/letter.pdf") == b"hello"

    stat = blobs.stat("s1/letter.pdf")
    assert stat is not None
    assert stat.generation == written.generation
    assert stat.content_type == "application/pdf"
    assert stat.size_bytes == 5
    assert stat.metadata == {}


def test_content_type_is_guessed_from_the_name_when_not_given(blobs: BlobStore) -> None:
    assert blobs.write("guess.pdf", PDF_BYTES).content_type == "application/pdf"


def test_binary_bytes_survive(blobs: BlobStore) -> None:
    info = blobs.write("binary.pdf", PDF_BYTES, "application/pdf")
    assert info.size_bytes == len(PDF_BYTES)
    assert blobs.read("binary.pdf") == PDF_BYTES


def test_stat_of_a_missing_blob_is_none(blobs: BlobStore) -> None:
    assert blobs.stat("nope.pdf") is None


def test_read_of_a_missing_blob_raises(blobs: BlobStore) -> None:
    with pytest.raises(BlobNotFound):
        blobs.read("nope.pdf")


def test_overwrite_changes_generation_and_bytes(blobs: BlobStore) -> None:
    first = blobs.write("a.pdf", b"one", "application/pdf")
    second = blobs.write("a.pdf", b"second", "application/pdf")
    assert second.generation != first.generation
    assert second.size_bytes == 6
    assert blobs.read("a.pdf") == b"second"
    # Reads are stable: stat reports the generation the write returned.
    stat = blobs.stat("a.pdf")
    assert stat is not None and stat.generation == second.generation


def test_if_absent_on_a_taken_name_raises_and_keeps_the_original(blobs: BlobStore) -> None:
    first = blobs.write("once.pdf", b"original", "application/pdf", if_absent=True)
    with pytest.raises(BlobExists):
        blobs.write("once.pdf", b"intruder", "text/plain", if_absent=True)
    assert blobs.read("once.pdf") == b"original"
    stat = blobs.stat("once.pdf")
    assert stat is not None
    assert (stat.generation, stat.content_type) == (first.generation, "application/pdf")


def test_set_metadata_merges_keys(blobs: BlobStore) -> None:
    blobs.write("m.pdf", b"x", "application/pdf")
    blobs.set_metadata("m.pdf", {"school": "s1"})
    merged = blobs.set_metadata("m.pdf", {"status": "processed"})
    assert merged.metadata == {"school": "s1", "status": "processed"}
    stat = blobs.stat("m.pdf")
    assert stat is not None
    assert stat.metadata == {"school": "s1", "status": "processed"}
    assert stat.content_type == "application/pdf"
    assert blobs.read("m.pdf") == b"x"


def test_set_metadata_overrides_a_key_it_names(blobs: BlobStore) -> None:
    blobs.write("m.pdf", b"x", "application/pdf")
    blobs.set_metadata("m.pdf", {"status": "new", "school": "s1"})
    assert blobs.set_metadata("m.pdf", {"status": "done"}).metadata == {
        "status": "done",
        "school": "s1",
    }


def test_set_metadata_of_a_missing_blob_raises(blobs: BlobStore) -> None:
    with pytest.raises(BlobNotFound):
        blobs.set_metadata("nope.pdf", {"k": "v"})


def test_a_new_write_starts_with_no_custom_metadata(blobs: BlobStore) -> None:
    blobs.write("r.pdf", b"x", "application/pdf")
    blobs.set_metadata("r.pdf", {"status": "processed"})
    assert blobs.write("r.pdf", b"y", "application/pdf").metadata == {}
    stat = blobs.stat("r.pdf")
    assert stat is not None and stat.metadata == {}


def test_list_by_prefix_is_sorted_by_name_and_includes_nested_names(blobs: BlobStore) -> None:
    for name in ["s1/b.pdf", "s1/2025/deep/c.pdf", "s1/a.pdf", "s10/x.pdf", "s2/z.pdf", "top.pdf"]:
        blobs.write(name, name.encode(), "application/pdf")

    assert [i.name for i in blobs.list("s1/")] == ["s1/2025/deep/c.pdf", "s1/a.pdf", "s1/b.pdf"]
    # A prefix is a string prefix, not a folder: "s1" also matches "s10/...".
    assert [i.name for i in blobs.list("s1")] == [
        "s1/2025/deep/c.pdf",
        "s1/a.pdf",
        "s1/b.pdf",
        "s10/x.pdf",
    ]
    assert [i.name for i in blobs.list("s1/2025/de")] == ["s1/2025/deep/c.pdf"]
    assert [i.name for i in blobs.list()] == [
        "s1/2025/deep/c.pdf",
        "s1/a.pdf",
        "s1/b.pdf",
        "s10/x.pdf",
        "s2/z.pdf",
        "top.pdf",
    ]
    assert blobs.list("nothing/") == []
    listed = {i.name: i for i in blobs.list("s2/")}
    assert listed["s2/z.pdf"].size_bytes == len(b"s2/z.pdf")
    assert listed["s2/z.pdf"].bucket == blobs.bucket


def test_list_reports_metadata_and_generation(blobs: BlobStore) -> None:
    written = blobs.write("l.pdf", b"x", "application/pdf")
    blobs.set_metadata("l.pdf", {"k": "v"})
    (listed,) = blobs.list("l.")
    assert listed.metadata == {"k": "v"}
    assert listed.content_type == "application/pdf"
    assert listed.size_bytes == written.size_bytes


def test_delete_then_stat_is_none(blobs: BlobStore) -> None:
    blobs.write("d/gone.pdf", b"x", "application/pdf")
    blobs.delete("d/gone.pdf")
    assert blobs.stat("d/gone.pdf") is None
    assert blobs.list("d/") == []
    with pytest.raises(BlobNotFound):
        blobs.read("d/gone.pdf")


def test_delete_of_a_missing_blob_is_quiet(blobs: BlobStore) -> None:
    blobs.delete("never-there.pdf")


def test_a_name_can_be_reused_after_delete(blobs: BlobStore) -> None:
    blobs.write("again.pdf", b"one", "application/pdf", if_absent=True)
    blobs.delete("again.pdf")
    blobs.write("again.pdf", b"two", "application/pdf", if_absent=True)
    assert blobs.read("again.pdf") == b"two"


def test_size_bytes_of_an_empty_blob_is_zero(blobs: BlobStore) -> None:
    assert blobs.write("empty.txt", b"", "text/plain").size_bytes == 0
    stat = blobs.stat("empty.txt")
    assert stat is not None and stat.size_bytes == 0
    assert blobs.read("empty.txt") == b""


# --------------------------------------------------------------------------- local folder only


@pytest.fixture
def folder(tmp_path: Path) -> LocalFolderBlobStore:
    return LocalFolderBlobStore(tmp_path / "inbox", "newsletters")


def test_local_a_file_dropped_by_hand_is_a_blob(folder: LocalFolderBlobStore) -> None:
    dropped = folder.root / "s1" / "dropped.pdf"
    dropped.parent.mkdir(parents=True)
    dropped.write_bytes(PDF_BYTES)

    (listed,) = folder.list()
    assert listed.name == "s1/dropped.pdf"
    assert listed.content_type == "application/pdf"
    assert listed.size_bytes == len(PDF_BYTES)
    assert folder.read("s1/dropped.pdf") == PDF_BYTES
    stat = folder.stat("s1/dropped.pdf")
    assert stat is not None and stat.generation == listed.generation
    assert folder.set_metadata("s1/dropped.pdf", {"k": "v"}).metadata == {"k": "v"}


def test_local_a_file_replaced_by_hand_drops_stale_metadata(
    folder: LocalFolderBlobStore,
) -> None:
    written = folder.write("x.zzq", b"old", "application/pdf")
    folder.set_metadata("x.zzq", {"status": "processed"})
    (folder.root / "x.zzq").write_bytes(b"replaced by hand")
    stat = folder.stat("x.zzq")
    assert stat is not None
    assert stat.generation != written.generation
    assert (stat.metadata, stat.content_type) == ({}, None)


@pytest.mark.parametrize(
    "name", ["../escape.pdf", "a/../../escape.pdf", "/etc/passwd", "", "a//b.pdf", "a/", ".meta/x"]
)
def test_local_names_that_escape_or_reach_hidden_files_are_refused(
    folder: LocalFolderBlobStore, name: str
) -> None:
    with pytest.raises(BadInput):
        folder.write(name, b"x")
    with pytest.raises(BadInput):
        folder.read(name)
    with pytest.raises(BadInput):
        folder.stat(name)
    assert not (folder.root.parent / "escape.pdf").exists()


def test_local_sidecar_hidden_and_temp_files_are_never_listed(
    folder: LocalFolderBlobStore,
) -> None:
    folder.write("s1/a.pdf", b"x", "application/pdf")
    folder.set_metadata("s1/a.pdf", {"k": "v"})
    (folder.root / ".DS_Store").write_bytes(b"junk")
    (folder.root / "s1" / ".a.pdf.1234.tmp").write_bytes(b"half")
    assert (folder.root / ".meta").is_dir()
    assert [i.name for i in folder.list()] == ["s1/a.pdf"]
    assert folder.list(".meta/") == []


def test_local_generation_changes_on_every_write_and_not_on_metadata(
    folder: LocalFolderBlobStore,
) -> None:
    # Several writes within one clock tick must still get distinct generations.
    generations = [folder.write("g.pdf", bytes([i])).generation for i in range(20)]
    assert len(set(generations)) == 20
    assert folder.set_metadata("g.pdf", {"k": "v"}).generation == generations[-1]
