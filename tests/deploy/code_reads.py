"""What each entry point's code reads, found statically in the source (no import, no run).

From `functions/NAME.py` it follows imports within functions/ and shared/. shared/wiring.py's
Container builds every client lazily, so instead of following all its imports it follows only
the Container members the function's code names (`.tasks`, `.extractor`, ...), and from those
members the settings, other members and lazy imports they use. The result over-approximates
(a member named in code that a call path never takes still counts), which is the safe side
for "is every setting it may read provided?".
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from shared.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
WIRING = "shared.wiring"
SETTINGS_MODULE = "shared.settings"
FIELDS = frozenset(Settings.model_fields)


def module_file(name: str) -> Path | None:
    if name.split(".")[0] not in {"functions", "shared"}:
        return None
    base = ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@cache
def tree_of(name: str) -> ast.Module:
    path = module_file(name)
    assert path is not None, name
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_package(name: str) -> bool:
    path = module_file(name)
    return path is not None and path.name == "__init__.py"


def imports_in(nodes: Iterable[ast.AST], module: str) -> set[str]:
    """Repo modules imported anywhere under `nodes` (lazy imports in functions included)."""
    found: set[str] = set()
    package = module if _is_package(module) else module.rpartition(".")[0]
    for node in nodes:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Import):
                names = [alias.name for alias in sub.names]
            elif isinstance(sub, ast.ImportFrom):
                base = sub.module or ""
                if sub.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - sub.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                names = [base, *(f"{base}.{alias.name}" for alias in sub.names)]
            else:
                continue
            for name in names:
                # Importing a.b.c runs a/__init__ and a/b/__init__ too.
                parts = name.split(".")
                for end in range(1, len(parts) + 1):
                    prefix = ".".join(parts[:end])
                    if module_file(prefix) is not None:
                        found.add(prefix)
    return found


def _settings_property_reads() -> dict[str, set[str]]:
    """Settings' properties (resolved_sqlite_path, ...) and the fields each reads."""
    reads: dict[str, set[str]] = {}
    for node in ast.walk(tree_of(SETTINGS_MODULE)):
        if isinstance(node, ast.ClassDef) and node.name == "Settings":
            for member in node.body:
                if isinstance(member, ast.FunctionDef):
                    reads[member.name] = {
                        sub.attr
                        for sub in ast.walk(member)
                        if isinstance(sub, ast.Attribute) and sub.attr in FIELDS
                    }
    return reads


def _looks_like_settings(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id.endswith("settings")
    if isinstance(node, ast.Attribute):
        return node.attr.endswith("settings")
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and node.func.id == "get_settings"
    return False


def settings_read(nodes: Iterable[ast.AST]) -> set[str]:
    properties = _settings_property_reads()
    read: set[str] = set()
    for node in nodes:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Attribute) and _looks_like_settings(sub.value):
                if sub.attr in FIELDS:
                    read.add(sub.attr)
                read |= properties.get(sub.attr, set())
    return read


def _looks_like_container(node: ast.expr) -> bool:
    """`container`, `self.container`, `get_container()`: how every module names the Container."""
    if isinstance(node, ast.Name):
        return node.id.endswith("container")
    if isinstance(node, ast.Attribute):
        return node.attr.endswith("container")
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and node.func.id == "get_container"
    return False


def members_used(nodes: Iterable[ast.AST]) -> set[str]:
    """Container members a module names on the container (`container.tasks`, ...).

    Only attributes of the container count: an enum member or a dataclass field that shares a
    member's name (`Channel.whatsapp`, `deps.sms`) says nothing of what is built.
    """
    return {
        sub.attr
        for node in nodes
        for sub in ast.walk(node)
        if isinstance(sub, ast.Attribute) and _looks_like_container(sub.value)
    }


def self_members_used(nodes: Iterable[ast.AST]) -> set[str]:
    """Inside a Container member: the other members it builds on (`self.gemini`)."""
    return {
        sub.attr
        for node in nodes
        for sub in ast.walk(node)
        if isinstance(sub, ast.Attribute)
        and isinstance(sub.value, ast.Name)
        and sub.value.id == "self"
    }


@cache
def container_members() -> dict[str, ast.FunctionDef]:
    for node in tree_of(WIRING).body:
        if isinstance(node, ast.ClassDef) and node.name == "Container":
            return {
                m.name: m
                for m in node.body
                if isinstance(m, ast.FunctionDef) and not m.name.startswith("__")
            }
    raise AssertionError("shared/wiring.py has no Container class")


def _type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) in {
        "TYPE_CHECKING",
        "typing.TYPE_CHECKING",
    }


@dataclass
class Reads:
    modules: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)
    settings: set[str] = field(default_factory=set)


Known = frozenset[tuple[str, object]]


def _decide(test: ast.expr, known: dict[str, object]) -> bool | None:
    """`settings.F == "x"` (or !=) with F's production value known: which way it goes."""
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.Eq, ast.NotEq))
        and isinstance(test.left, ast.Attribute)
        and (_looks_like_settings(test.left.value) or _is_self(test.left.value))
        and test.left.attr in known
        and isinstance(test.comparators[0], ast.Constant)
    ):
        return None
    equal = known[test.left.attr] == test.comparators[0].value
    return equal if isinstance(test.ops[0], ast.Eq) else not equal


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def live(statements: list[ast.stmt], known: dict[str, object]) -> list[ast.stmt]:
    """The statements that run when the settings in `known` have their production values.

    Only an `if` on a backend setting whose value is known is cut (the branch not taken, and
    what follows a taken branch that returns); anything else stays, on the safe side."""
    kept: list[ast.stmt] = []
    for statement in statements:
        taken = _decide(statement.test, known) if isinstance(statement, ast.If) else None
        if taken is None:
            kept.append(statement)
            continue
        assert isinstance(statement, ast.If)
        branch = statement.body if taken else statement.orelse
        kept.extend(live(branch, known))
        if branch and isinstance(branch[-1], (ast.Return, ast.Raise)):
            break
    return kept


def validator_reads(known: dict[str, object]) -> set[str]:
    """Settings Settings' own validators read: every function builds Settings, so these are
    read everywhere (`self.F`, or a field named as a string for getattr)."""
    read: set[str] = set()
    for node in ast.walk(tree_of(SETTINGS_MODULE)):
        if not (isinstance(node, ast.ClassDef) and node.name == "Settings"):
            continue
        for member in node.body:
            if isinstance(member, ast.FunctionDef) and any(
                "model_validator" in ast.unparse(d) for d in member.decorator_list
            ):
                for sub in (s for stmt in live(member.body, known) for s in ast.walk(stmt)):
                    if isinstance(sub, ast.Attribute) and _is_self(sub.value):
                        read.add(sub.attr)
                    elif isinstance(sub, ast.Constant) and sub.value in FIELDS:
                        read.add(str(sub.value))
    return read & FIELDS


@cache
def reads_of(function_name: str, production: Known = frozenset()) -> Reads:
    """Modules, Container members and settings reachable from functions/<name>.py.

    `production` holds (field, value) of the settings whose production value is known: a
    Container member's branch on a backend that production does not choose is not followed
    (with MESSENGER_BACKEND=outbox, the WhatsApp client's token is never read)."""
    known = dict(production)
    reads = Reads(settings=validator_reads(known))
    pending_modules = ["functions", f"functions.{function_name}"]
    pending_members: list[str] = []
    members = container_members()
    # wiring.py's own top-level imports are the types its members return; what a member
    # really loads it imports lazily in its body, which is followed below.
    # Nor does `if TYPE_CHECKING:`, which never runs.
    wiring_top = [
        n
        for n in tree_of(WIRING).body
        if not isinstance(n, (ast.ClassDef, ast.Import, ast.ImportFrom)) and not _type_checking(n)
    ]
    while pending_modules or pending_members:
        while pending_modules:
            module = pending_modules.pop()
            if module in reads.modules:
                continue
            reads.modules.add(module)
            if module == WIRING:
                nodes: list[ast.AST] = list(wiring_top)
            else:
                nodes = [tree_of(module)]
            if module != SETTINGS_MODULE:
                reads.settings |= settings_read(nodes)
            pending_modules.extend(imports_in(nodes, module) - reads.modules)
            if module != WIRING:
                pending_members.extend((members_used(nodes) & members.keys()) - reads.members)
        while pending_members:
            member = pending_members.pop()
            if member in reads.members:
                continue
            reads.members.add(member)
            body: list[ast.AST] = list(live(members[member].body, known))
            reads.settings |= settings_read(body)
            pending_members.extend((self_members_used(body) & members.keys()) - reads.members)
            pending_modules.extend(imports_in(body, WIRING) - reads.modules)
    return reads


def enqueued_targets(modules: Iterable[str]) -> dict[str, set[str]]:
    """Task targets each module enqueues to: `x.enqueue("name", ...)` or a constant's name."""
    found: dict[str, set[str]] = {}
    constants = module_constants(modules)
    for module in modules:
        for node in ast.walk(tree_of(module)):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "enqueue"
                and node.args
            ):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                target = first.value
            elif isinstance(first, ast.Name) and first.id in constants:
                target = constants[first.id]
            else:
                target = f"<not a constant: {ast.unparse(first)} in {module}>"
            found.setdefault(module, set()).add(target)
    return found


def module_constants(modules: Iterable[str]) -> dict[str, str]:
    """Module-level NAME = "string" assignments across `modules`."""
    constants: dict[str, str] = {}
    for module in modules:
        for node in tree_of(module).body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        constants[target.id] = node.value.value
    return constants


def is_secret(name: str) -> bool:
    """A setting that must come from Secret Manager, never a plain environment variable."""
    info = Settings.model_fields[name]
    annotation = str(info.annotation)
    return (
        "SecretStr" in annotation
        or info.repr is False
        or name.endswith(("_key", "_secret", "_token", "_password"))
    )
