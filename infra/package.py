"""`python -m infra.package`: the deploy artifacts Terraform and Cloud Build take.

dist/functions-source.zip is what Terraform uploads for the seven source-deployed functions:
main.py, functions/, shared/ and requirements.txt, nothing else (no tests, no infra/, no
dev-only requirements). Its requirements.txt ends with `-c constraints.txt` (and carries that
file) so Cloud Build installs the same transitive versions the tests ran on; constraints
only cap versions, they install nothing. dist/parse-newsletter-image/ is the build context of the
parse_newsletter image: the same files plus its Dockerfile. Both are byte-for-byte
reproducible (sorted entries, fixed timestamps), so an unchanged tree keeps the zip's hash
and Terraform deploys nothing new.
"""

from __future__ import annotations

import argparse
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_FILES = ("main.py", "requirements.txt", "constraints.txt")
SOURCE_PACKAGES = ("functions", "shared")
DOCKERFILE = ROOT / "infra" / "docker" / "parse_newsletter.Dockerfile"
ZIP_NAME = "functions-source.zip"
IMAGE_CONTEXT = "parse-newsletter-image"
# 1980-01-01, the earliest time a zip entry can hold.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_SKIPPED_PARTS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
_SKIPPED_SUFFIXES = {".pyc", ".pyo"}


def source_files(root: Path = ROOT) -> Iterator[Path]:
    """The deployed files, relative to `root`, in a stable order."""
    for name in SOURCE_FILES:
        yield Path(name)
    for package in SOURCE_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not _skipped(relative):
                yield relative


def _skipped(relative: Path) -> bool:
    return bool(_SKIPPED_PARTS.intersection(relative.parts)) or relative.suffix in _SKIPPED_SUFFIXES


def build_zip(dist: Path, root: Path = ROOT) -> Path:
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / ZIP_NAME
    partial = target.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for relative in source_files(root):
            entry = zipfile.ZipInfo(relative.as_posix(), date_time=_FIXED_TIME)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(entry, deployed_bytes(root, relative))
    partial.replace(target)
    return target


def deployed_bytes(root: Path, relative: Path) -> bytes:
    """A file as deployed: requirements.txt gains `-c constraints.txt`, the rest is unchanged."""
    data = (root / relative).read_bytes()
    if relative == Path("requirements.txt"):
        data = data.rstrip(b"\n") + b"\n-c constraints.txt\n"
    return data


def build_image_context(dist: Path, root: Path = ROOT) -> Path:
    context = dist / IMAGE_CONTEXT
    if context.exists():
        shutil.rmtree(context)
    for relative in source_files(root):
        destination = context / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(deployed_bytes(root, relative))
    shutil.copyfile(DOCKERFILE, context / "Dockerfile")
    return context


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infra.package", description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    args = parser.parse_args(argv)
    archive = build_zip(args.dist)
    context = build_image_context(args.dist)
    with zipfile.ZipFile(archive) as zf:
        entries = zf.infolist()
    summary = {
        "zip": str(archive),
        "zip_bytes": archive.stat().st_size,
        "zip_files": len(entries),
        "zip_uncompressed_bytes": sum(entry.file_size for entry in entries),
        "image_context": str(context),
    }
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
