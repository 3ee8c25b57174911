"""terraform/ as data (python-hcl2): its locals, variables' defaults and resources."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import hcl2

TERRAFORM = Path(__file__).resolve().parents[2] / "terraform"
_VAR = re.compile(r"^\$\{(?:tostring\()?var\.([a-z0-9_]+)\)?\}$")


def unquote(value: Any) -> Any:
    """python-hcl2 keeps string literals' quotes and marks blocks; drop both."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    if isinstance(value, dict):
        return {unquote(k): unquote(v) for k, v in value.items() if k != "__is_block__"}
    if isinstance(value, list):
        return [unquote(v) for v in value]
    return value


@dataclass(frozen=True)
class Terraform:
    files: dict[str, dict[str, Any]]
    locals: dict[str, Any]
    variables: dict[str, dict[str, Any]]
    resources: dict[tuple[str, str], dict[str, Any]]

    def resolve(self, expression: Any) -> Any:
        """A literal, or `${var.X}` / `${tostring(var.X)}` as the variable's default."""
        if not isinstance(expression, str) or not expression.startswith("${"):
            return expression
        match = _VAR.match(expression)
        if match and "default" in self.variables.get(match.group(1), {}):
            return self.variables[match.group(1)]["default"]
        return expression

    def interpolated(self, expression: Any) -> bool:
        return isinstance(expression, str) and "${" in expression


@cache
def load() -> Terraform:
    files: dict[str, dict[str, Any]] = {}
    local_values: dict[str, Any] = {}
    variables: dict[str, dict[str, Any]] = {}
    resources: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted(TERRAFORM.glob("*.tf")):
        with path.open(encoding="utf-8") as handle:
            parsed = unquote(hcl2.load(handle))
        files[path.name] = parsed
        for block in parsed.get("locals", []):
            local_values.update(block)
        for block in parsed.get("variable", []):
            variables.update(block)
        for block in parsed.get("resource", []):
            for kind, named in block.items():
                for name, body in named.items():
                    resources[(kind, name)] = body
    return Terraform(files, local_values, variables, resources)
