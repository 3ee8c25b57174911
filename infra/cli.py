"""ParentPath's command line: `python -m infra.cli SUBCOMMAND ...` (see --help)."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import pkgutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import infra.bench


def _benchmarks() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(infra.bench.__path__))


def run_benchmark(args: argparse.Namespace) -> int:
    if args.name not in _benchmarks():
        print(f"unknown benchmark {args.name!r}; have: {', '.join(_benchmarks())}", file=sys.stderr)
        return 2
    figures = importlib.import_module(f"infra.bench.{args.name}").run()
    if args.json:
        print(json.dumps(figures))
    else:
        width = max(map(len, figures), default=0)
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    return 0


def serve(args: argparse.Namespace) -> int:
    from infra.local_stack import main

    main()
    return 0


def seed_sample(args: argparse.Namespace) -> int:
    from infra.local_stack import seed_sample_school
    from shared.wiring import get_container

    loaded = seed_sample_school(get_container())
    print(json.dumps({"seeded": loaded}))
    return 0


def import_roster(args: argparse.Namespace) -> int:
    from shared.services.roster_import import (
        RosterUnreadable,
        UnknownSchool,
        import_roster,
        read_roster_source,
    )
    from shared.wiring import get_container

    if not args.path.exists():
        print(f"{args.path} does not exist", file=sys.stderr)
        return 2
    with _progress_bar() as on_progress:
        try:
            report = import_roster(
                read_roster_source(args.path), args.school, get_container().repos, on_progress
            )
        except UnknownSchool:
            print(
                f"school {args.school!r} is not in the store; create it first"
                " (`python -m infra.cli seed-sample` loads the sample school 'sample-school')",
                file=sys.stderr,
            )
            return 2
        except RosterUnreadable as exc:
            print(f"nothing imported: {exc}", file=sys.stderr)
            return 1
    summary = report.summary()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(
            f"{summary['school']}: {summary['parents']} parents, {summary['children']} children,"
            f" {summary['subscriptions']} subscriptions imported"
        )
        for kind in ("errors", "warnings"):
            for problem in summary[kind]:
                print(
                    f"  {kind[:-1]}: {problem['file']} line {problem['line']}: {problem['reason']}"
                )
    return 0 if report.imported_anything else 1


@contextlib.contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None] | None]:
    """A bar on stderr when a person is watching it; pipes and CI logs get none."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(desc="importing", unit="record", file=sys.stderr, leave=False) as bar:

        def advance(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        yield advance


def extract(args: argparse.Namespace) -> int:
    from infra.evaluation import extract_document
    from shared.errors import NeedsTranscription, UnreadableDocument
    from shared.extraction.schema import ExtractionContext
    from shared.wiring import get_container

    labels = json.loads(args.context.read_text(encoding="utf-8"))
    context = ExtractionContext.from_labels(labels)
    try:
        extracted = extract_document(args.path, context, get_container().extractor)
    except (UnreadableDocument, NeedsTranscription, ValueError) as exc:
        print(f"{args.path.name}: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(extracted, ensure_ascii=False))
    else:
        for item in extracted["items"]:
            when = item["start_date"] or "(no date)"
            print(f"{when}  {item['category']:<12}  {item['title']}")
    return 0


def evaluate(args: argparse.Namespace) -> int:
    from infra.evaluation import evaluate_folder, format_table
    from shared.wiring import get_container

    if not args.folder.is_dir():
        print(f"not a folder: {args.folder}", file=sys.stderr)
        return 2
    report = evaluate_folder(args.folder, get_container().extractor)
    print(json.dumps(report, ensure_ascii=False) if args.json else format_table(report))
    return 0


def evaluate_reliability(args: argparse.Namespace) -> int:
    from infra.evaluation import format_reliability, reliability
    from shared.wiring import get_container

    missing = [str(f) for f in args.folders if not f.is_dir()]
    if missing:
        print(f"not a folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    report = reliability(args.folders, get_container().extractor)
    print(json.dumps(report, ensure_ascii=False) if args.json else format_reliability(report))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m infra.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    bench = commands.add_parser("bench", help="run one benchmark from infra/bench/")
    bench.add_argument("name", help=f"one of: {', '.join(_benchmarks())}")
    bench.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    bench.set_defaults(handler=run_benchmark)

    serve_cmd = commands.add_parser("serve", help="run the local stack (what `make run` does)")
    serve_cmd.set_defaults(handler=serve)

    seed = commands.add_parser("seed-sample", help="load the sample school if the store is empty")
    seed.set_defaults(handler=seed_sample)

    roster = commands.add_parser(
        "import-roster",
        help="import families from a OneRoster 1.1 CSV folder or zip, or a simple CSV",
        description="Bad rows are reported with their line; the good rows import. Importing "
        "again updates rather than duplicates. The simple CSV is described in "
        "docs/roster-csv.md. Exit code: 0 when something imported, 1 when nothing could be, "
        "2 for a usage error (an unknown school, say).",
    )
    roster.add_argument("path", type=Path, help="OneRoster folder or .zip, or a .csv file")
    roster.add_argument("--school", required=True, help="id of a school already in the store")
    roster.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    roster.set_defaults(handler=import_roster)

    extract_cmd = commands.add_parser(
        "extract", help="extract the items of one newsletter (PDF or image) and print them"
    )
    extract_cmd.add_argument("path", type=Path, help="the newsletter file")
    extract_cmd.add_argument(
        "--context",
        type=Path,
        required=True,
        help="a labels file giving issued_on, timezone, grades_offered, activities_catalog",
    )
    extract_cmd.add_argument("--json", action="store_true", help='print {"items": [...]}')
    extract_cmd.set_defaults(handler=extract)

    eval_cmd = commands.add_parser("eval", help="score an extractor on a labelled folder")
    eval_kinds = eval_cmd.add_subparsers(dest="kind", required=True)
    eval_extraction = eval_kinds.add_parser(
        "extraction", help="newsletters with NAME.labels.json beside them (P/R/F1, fields)"
    )
    eval_extraction.add_argument("folder", type=Path)
    eval_extraction.add_argument("--json", action="store_true", help="print one JSON object")
    eval_extraction.set_defaults(handler=evaluate)
    eval_reliability = eval_kinds.add_parser(
        "reliability",
        help="confidence bucket -> share of items correct (matched, right dates and audience)",
    )
    eval_reliability.add_argument("folders", type=Path, nargs="+")
    eval_reliability.add_argument("--json", action="store_true", help="print one JSON object")
    eval_reliability.set_defaults(handler=evaluate_reliability)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
