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
    options = {"seconds": args.seconds} if args.seconds is not None else {}
    figures = importlib.import_module(f"infra.bench.{args.name}").run(**options)
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
    from shared.adapters.roster_files import read_roster_source
    from shared.services.roster_import import RosterUnreadable, UnknownSchool, import_roster
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
def _progress_bar(
    desc: str = "importing", unit: str = "record"
) -> Iterator[Callable[[int, int], None] | None]:
    """A bar on stderr when a person is watching it; pipes and CI logs get none."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(desc=desc, unit=unit, file=sys.stderr, leave=False) as bar:

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


def classify_replies(args: argparse.Namespace) -> int:
    from infra.intent_eval import classify_row, read_jsonl

    try:
        rows = read_jsonl(args.path)
    except (OSError, ValueError) as exc:
        print(f"cannot read replies: {exc}", file=sys.stderr)
        return 2
    for row in rows:
        got = classify_row(row).as_json()
        if args.json:
            print(json.dumps(got, ensure_ascii=False))
        else:
            ref = "" if got["item_ref"] is None else f" #{got['item_ref']}"
            lang = "" if got["language"] is None else f" ->{got['language']}"
            print(f"{got['intent']}{ref}{lang}\t{row.get('text', '')}")
    return 0


def evaluate_intents(args: argparse.Namespace) -> int:
    from infra.intent_eval import format_report, read_jsonl, score

    try:
        rows = read_jsonl(args.path)
    except (OSError, ValueError) as exc:
        print(f"cannot read replies: {exc}", file=sys.stderr)
        return 2
    report = score(rows)
    print(json.dumps(report, ensure_ascii=False) if args.json else format_report(report))
    return 0


def evaluate_questions(args: argparse.Namespace) -> int:
    from infra.question_eval import evaluate_questions as run
    from infra.question_eval import format_table

    if not args.items.is_dir():
        print(f"not a folder: {args.items}", file=sys.stderr)
        return 2
    if not args.questions.is_file():
        print(f"no such file: {args.questions}", file=sys.stderr)
        return 2
    lines = args.questions.read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line) for line in lines if line.strip()]
    report, results = run(args.items, questions)
    if args.results is not None:
        with args.results.open("w", encoding="utf-8") as out:
            for result in results:
                line = {k: result[k] for k in ("id", "ranked", "answered")}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(json.dumps(report, ensure_ascii=False) if args.json else format_table(report))
    return 0


def reindex(args: argparse.Namespace) -> int:
    from shared.errors import NotFound
    from shared.services.indexing import reindex as run
    from shared.wiring import get_container

    container = get_container()
    try:
        with _progress_bar("indexing", "item") as on_progress:
            done = run(
                container.item_index,
                container.repos,
                school_id=args.school,
                on_progress=on_progress,
            )
    except NotFound as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        container.close()
    print(json.dumps({"indexed": done, "embedder": container.item_index.filled_by}))
    return 0


def search(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from shared.errors import NotFound
    from shared.wiring import get_container

    container = get_container()
    try:
        grades = [int(g) for g in args.grades.split(",")] if args.grades else None
        now = datetime.fromisoformat(args.at) if args.at else container.clock.now()
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        matches = container.item_search.search(
            args.school, args.query, now=now, grades=grades, limit=args.limit
        )
        items = container.repos.items.get_many([m.item_id for m in matches])
    except (NotFound, ValueError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        container.close()
    found = [
        {
            "item_id": m.item_id,
            "title": items[m.item_id].title if m.item_id in items else None,
            "score": round(m.score, 3),
            "reason": m.reason,
        }
        for m in matches
    ]
    if args.json:
        print(json.dumps({"query": args.query, "matches": found}, ensure_ascii=False))
    elif not found:
        print("nothing in this school's newsletters answers that")
    else:
        for match in found:
            print(f"{match['score']:6.2f}  {match['title']}  ({match['reason']})")
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


def train_scorer(args: argparse.Namespace) -> int:
    from infra.scorer_training import default_sets, format_report, run
    from shared.extraction.scorer import WEIGHTS_PATH

    folders = args.sets or default_sets()
    missing = [str(f) for f in [*folders, *args.held_out] if not f.is_dir()]
    if missing:
        print(f"not a folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    output = None if args.dry_run else (args.output or WEIGHTS_PATH)
    progress = None if args.json else lambda name: print(f"  {name}", file=sys.stderr)
    report = run(
        folders,
        output,
        cross_validation=args.cross_validate,
        leave_out=args.leave_out,
        held_out=args.held_out,
        on_progress=progress,
    )
    print(json.dumps(report, ensure_ascii=False) if args.json else format_report(report))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m infra.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    bench = commands.add_parser("bench", help="run one benchmark from infra/bench/")
    bench.add_argument("name", help=f"one of: {', '.join(_benchmarks())}")
    bench.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    bench.add_argument(
        "--seconds", type=float, help="how long a timed benchmark runs (those that take it)"
    )
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
    eval_intents = eval_kinds.add_parser(
        "intents", help="labelled replies, one JSON object a line (accuracy by language)"
    )
    eval_intents.add_argument("path", type=Path)
    eval_intents.add_argument("--json", action="store_true", help="print one JSON object")
    eval_intents.set_defaults(handler=evaluate_intents)

    classify_cmd = commands.add_parser(
        "classify-replies",
        help='classify WhatsApp replies, one JSON object a line with a "text"',
    )
    classify_cmd.add_argument("path", type=Path)
    classify_cmd.add_argument(
        "--json", action="store_true", help='print {"intent", "item_ref", "language"} a line'
    )
    classify_cmd.set_defaults(handler=classify_replies)
    eval_questions = eval_kinds.add_parser(
        "questions",
        help="parents' questions against the items of labelled newsletters (top-1, recall@3)",
        description="Every *.labels.json in --items becomes one school of approved items (its "
        "issued_on is 'now'), indexed offline; each question of --questions is answered at its "
        "school with child_grades as the audience.",
    )
    eval_questions.add_argument("--items", type=Path, required=True, help="folder of labels")
    eval_questions.add_argument("--questions", type=Path, required=True, help="questions.jsonl")
    eval_questions.add_argument(
        "--results", type=Path, help='write {"id", "ranked", "answered"} per question here'
    )
    eval_questions.add_argument("--json", action="store_true", help="print one JSON object")
    eval_questions.set_defaults(handler=evaluate_questions)

    reindex_cmd = commands.add_parser(
        "reindex",
        help="embed every item again with the configured embedder",
        description="Without --school the collection is dropped and rebuilt (how to switch "
        "embedders); with it, that school's items are written again.",
    )
    reindex_cmd.add_argument("--school", help="only this school's items")
    reindex_cmd.set_defaults(handler=reindex)

    search_cmd = commands.add_parser(
        "search", help="search one school's approved items as a parent would ask"
    )
    search_cmd.add_argument("query", help="the question, in any of en, pa, tl, zh")
    search_cmd.add_argument("--school", required=True, help="school id")
    search_cmd.add_argument("--grades", help="comma-separated grades the items must be for")
    search_cmd.add_argument("--limit", type=int, default=5)
    search_cmd.add_argument("--at", help="ask as of this ISO date-time (default: now)")
    search_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    search_cmd.set_defaults(handler=search)

    eval_reliability = eval_kinds.add_parser(
        "reliability",
        help="confidence bucket -> share of items correct (matched, right dates and audience)",
    )
    eval_reliability.add_argument("folders", type=Path, nargs="+")
    eval_reliability.add_argument("--json", action="store_true", help="print one JSON object")
    eval_reliability.set_defaults(handler=evaluate_reliability)

    train_cmd = commands.add_parser("train", help="train a learned model from labelled sets")
    train_kinds = train_cmd.add_subparsers(dest="kind", required=True)
    train_scorer_cmd = train_kinds.add_parser(
        "scorer",
        help="the offline extractor's learned scorer (shared/extraction/scorer_weights.json)",
        description="Extracts every labelled newsletter of the sets with the hand weights, "
        "learns which candidates are items and which are correct, and writes the weights. "
        "Default sets: ../shared/eval/real, infra/eval/heldout*, infra/sample/newsletters.",
    )
    train_scorer_cmd.add_argument("--sets", type=Path, nargs="+", help="labelled folders")
    train_scorer_cmd.add_argument("--output", type=Path, help="weights file to write")
    train_scorer_cmd.add_argument(
        "--cross-validate",
        action="store_true",
        help="also report leave-one-document-out F1 and reliability, hand vs learned",
    )
    train_scorer_cmd.add_argument(
        "--leave-out",
        choices=("document", "set"),
        default="document",
        help="with --cross-validate: what each fold holds out (default: one document)",
    )
    train_scorer_cmd.add_argument(
        "--held-out",
        type=Path,
        nargs="+",
        default=[],
        help="with --cross-validate: folders scored by the model of all the sets, never trained on",
    )
    train_scorer_cmd.add_argument("--dry-run", action="store_true", help="write no weights")
    train_scorer_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    train_scorer_cmd.set_defaults(handler=train_scorer)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
