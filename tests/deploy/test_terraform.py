"""terraform/ parses, every variable is typed and described, and checkov finds nothing.

No terraform binary is available to CI here, so python-hcl2 stands in for `terraform
validate`'s parsing and checkov (in .venv-checkov, `make setup-checkov`) for the security
review; where a terraform binary is installed, `terraform fmt -check` runs too. A deliberate
exception is an inline `checkov:skip=ID:reason`, and must give a reason.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import hcl2
import pytest

from tests.deploy.terraform_model import TERRAFORM, load

REPO_ROOT = TERRAFORM.parent
CHECKOV = REPO_ROOT / ".venv-checkov" / "bin" / "checkov"
EXAMPLES = ["terraform.tfvars.example", "backend.tf.example"]


@pytest.mark.parametrize(
    "path", sorted(TERRAFORM.glob("*.tf")) + [TERRAFORM / name for name in EXAMPLES],
    ids=lambda p: p.name,
)  # fmt: skip
def test_the_file_parses_as_hcl(path: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        parsed = hcl2.load(handle)
    assert parsed, f"{path.name} is empty"


def test_the_files_are_as_terraform_fmt_writes_them() -> None:
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.skip("no terraform binary on this machine")
    result = subprocess.run(
        [terraform, "fmt", "-check", "-list=true", str(TERRAFORM)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"run `terraform fmt terraform/`: {result.stdout}"


def test_the_layout_is_one_file_per_concern() -> None:
    names = {p.name for p in TERRAFORM.glob("*.tf")}
    assert {"versions.tf", "variables.tf", "outputs.tf", "locals.tf"} <= names
    assert "main.tf" not in names, "split main.tf by concern"


def test_every_variable_is_typed_and_described_and_the_example_sets_every_required_one() -> None:
    tf = load()
    example = hcl2.loads((TERRAFORM / "terraform.tfvars.example").read_text(encoding="utf-8"))
    for name, spec in tf.variables.items():
        assert "type" in spec, f"var.{name} has no type"
        assert len(spec.get("description", "")) > 10, f"var.{name} has no description"
        if "default" not in spec:
            assert name in example, f"terraform.tfvars.example does not set required var.{name}"


def test_providers_are_pinned_below_the_next_major_version() -> None:
    terraform = load().files["versions.tf"]["terraform"][0]
    google = terraform["required_providers"][0]["google"]
    assert google["source"] == "hashicorp/google"
    assert "<" in google["version"], "pin the provider below its next major version"
    assert "<" in terraform["required_version"]


def test_no_output_or_resource_carries_a_secret_value() -> None:
    tf = load()
    kinds = {kind for kind, _ in tf.resources}
    assert "google_secret_manager_secret_version" not in kinds, (
        "secret values are added with gcloud, never through Terraform (they would be in state)"
    )
    outputs = tf.files["outputs.tf"]["output"]
    for block in outputs:
        for name, spec in block.items():
            assert "secret_data" not in json.dumps(spec), name


def _checkov(*args: str) -> dict[str, Any]:
    assert CHECKOV.exists(), f"{CHECKOV} is missing: run `make setup-checkov`"
    result = subprocess.run(
        [str(CHECKOV), *args, "--skip-download", "--output", "json", "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO_ROOT,
    )
    # checkov exits 1 when a check fails; the report says which.
    assert result.returncode in (0, 1), result.stderr[-2000:]
    report = json.loads(result.stdout)
    return report if isinstance(report, dict) else {"results": {}, "summary": report}


@pytest.mark.parametrize(
    "args",
    [
        ("--directory", "terraform", "--framework", "terraform"),
        ("--file", "infra/docker/parse_newsletter.Dockerfile", "--framework", "dockerfile"),
    ],
    ids=["terraform", "dockerfile"],
)
def test_checkov_fails_no_check_and_every_skip_gives_its_reason(args: tuple[str, ...]) -> None:
    report = _checkov(*args)
    summary = report["summary"]
    failed = [
        f"{c['check_id']} {c['resource']} ({c['file_path']}:{c['file_line_range']})"
        for c in report["results"].get("failed_checks", [])
    ]
    assert not failed, f"checkov failed: {failed}"
    assert summary["parsing_errors"] == 0
    assert summary["passed"] > 0
    for skipped in report["results"].get("skipped_checks", []):
        reason = skipped["check_result"].get("suppress_comment", "")
        assert len(reason) > 20, f"{skipped['check_id']} is skipped without a reason"
    print(
        f"checkov {args[-1]}: passed {summary['passed']}, failed {summary['failed']}, "
        f"skipped {summary['skipped']}"
    )


def test_cloud_build_tests_packages_builds_plans_and_applies_only_on_main() -> None:
    import yaml

    build = yaml.safe_load((REPO_ROOT / "cloudbuild.yaml").read_text(encoding="utf-8"))
    steps = {step["id"]: step for step in build["steps"]}
    order = [step["id"] for step in build["steps"]]
    for earlier, later in [
        ("lint", "test"),
        ("test", "package"),
        ("package", "build-image"),
        ("push-image", "terraform-plan"),
        ("terraform-init", "terraform-plan"),
        ("terraform-plan", "terraform-apply"),
    ]:
        assert order.index(earlier) < order.index(later), (earlier, later)
    assert "make test" in json.dumps(steps["test"])
    assert '[ "${BRANCH_NAME}" = "main" ]' in json.dumps(steps["terraform-apply"]).replace(
        '\\"', '"'
    )
    assert {"_REGION", "_TF_STATE_BUCKET"} <= set(build["substitutions"])
    assert "-var=parse_newsletter_image=${_IMAGE}" in steps["terraform-plan"]["args"]


def _code_without_comments(path: Path) -> str:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("#", "//")):
            continue
        lines.append(line.split(" # ")[0])
    return "\n".join(lines)


def test_every_reference_names_a_declared_variable_local_resource_or_data_source() -> None:
    """What `terraform validate` would catch first: a typo in a reference."""
    import re

    tf = load()
    declared_locals = set(tf.locals)
    declared_resources = {f"{kind}.{name}" for kind, name in tf.resources}
    declared_data = {
        f"{kind}.{name}"
        for parsed in tf.files.values()
        for block in parsed.get("data", [])
        for kind, named in block.items()
        for name in named
    }
    problems = []
    for path in sorted(TERRAFORM.glob("*.tf")):
        code = _code_without_comments(path)
        for name in re.findall(r"\bvar\.([a-z0-9_]+)", code):
            if name not in tf.variables:
                problems.append(f"{path.name}: var.{name}")
        for name in re.findall(r"\blocal\.([a-z0-9_]+)", code):
            if name not in declared_locals:
                problems.append(f"{path.name}: local.{name}")
        for ref in re.findall(r"\bdata\.(google_[a-z0-9_]+\.[a-z0-9_]+)", code):
            if ref not in declared_data:
                problems.append(f"{path.name}: data.{ref}")
        for ref in re.findall(r"(?<![.\w\"])(google_[a-z0-9_]+\.[a-z0-9_]+)\b", code):
            if ref not in declared_resources:
                problems.append(f"{path.name}: {ref}")
    assert not problems, f"references to nothing declared: {problems}"
