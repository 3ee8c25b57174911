"""ParentPath's command line: `python -m infra.cli SUBCOMMAND ...` (see --help)."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from collections.abc import Sequence

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
