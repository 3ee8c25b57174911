# The seven functions deployed from the source zip (parse_newsletter runs from an image: see
# parse_newsletter.tf). Their settings come from local.common_env, local.functions and
# local.secrets in locals.tf.

locals {
  ingress_by_kind = {
    # Cloud Tasks and Cloud Scheduler in the same project count as internal traffic.
    task      = "ALLOW_INTERNAL_ONLY"
    scheduler = "ALLOW_INTERNAL_ONLY"
    public    = "ALLOW_ALL"
    iap       = "ALLOW_INTERNAL_AND_GCLB"
  }
  invoker_by_kind = {
    task      = google_service_account.tasks_invoker.member
    scheduler = google_service_account.scheduler_invoker.member
    # Meta calls the webhook from the internet; the function checks X-Hub-Signature-256.
    public = "allUsers"
    # Only the load balancer reaches it (ingress); IAP signs in staff on every path but the
    # public calendar links, and the function verifies IAP's signed header itself.
    iap = "allUsers"
  }
}

resource "google_cloudfunctions2_function" "function" {
  # checkov:skip=CKV_GCP_124:Ingress is per function (local.ingress_by_kind): ALLOW_ALL only for whatsapp_webhook, which Meta calls from the internet and which rejects unsigned requests; task and scheduler targets are internal-only, admin only through its load balancer.
  for_each = local.source_functions

  name        = each.key
  location    = var.region
  description = "ParentPath ${each.key} (${each.value.kind})."

  build_config {
    runtime         = var.python_runtime
    entry_point     = each.key
    service_account = google_service_account.function_builder.id
    source {
      storage_source {
        bucket = google_storage_bucket.function_source.name
        object = google_storage_bucket_object.function_source.name
      }
    }
  }

  service_config {
    service_account_email            = google_service_account.function[each.key].email
    available_memory                 = each.value.memory
    available_cpu                    = each.value.cpu
    timeout_seconds                  = each.value.timeout_s
    max_instance_request_concurrency = each.value.concurrency
    min_instance_count               = 0
    max_instance_count               = var.max_instances
    ingress_settings                 = local.ingress_by_kind[each.value.kind]
    all_traffic_on_latest_revision   = true

    environment_variables = merge(local.common_env, each.value.env)

    dynamic "secret_environment_variables" {
      for_each = toset(each.value.secrets)
      content {
        key        = local.secrets[secret_environment_variables.value]
        project_id = var.project_id
        secret     = google_secret_manager_secret.secret[secret_environment_variables.value].secret_id
        version    = "latest"
      }
    }
  }

  depends_on = [
    google_project_service.required,
    google_secret_manager_secret_iam_member.accessor,
    google_project_iam_member.function_builder,
    google_storage_bucket_iam_member.function_builder_reads_source,
  ]
}

resource "google_cloud_run_v2_service_iam_member" "function_invoker" {
  for_each = local.source_functions

  name     = google_cloudfunctions2_function.function[each.key].service_config[0].service
  location = var.region
  role     = "roles/run.invoker"
  member   = local.invoker_by_kind[each.value.kind]
}
