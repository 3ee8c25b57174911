# The digests' clock: Cloud Scheduler calls build_digests (hourly by default) with an OIDC
# token of its own account; each school's digest weekday and time decide what is due.

resource "google_cloud_scheduler_job" "weekly_digests" {
  name        = "parentpath-weekly-digests"
  region      = var.region
  description = "Queues the weekly digests and urgent alerts that are due (each school's own digest time)."
  schedule    = var.digest_schedule
  time_zone   = var.digest_time_zone
  # A retried or repeated run sends no digest twice: build_digests keys digests by parent and week.
  attempt_deadline = "540s"

  retry_config {
    retry_count          = 3
    min_backoff_duration = "60s"
    max_backoff_duration = "600s"
  }

  http_target {
    http_method = "POST"
    uri         = google_cloudfunctions2_function.function["build_digests"].service_config[0].uri
    headers = {
      "Content-Type" = "application/json"
    }
    body = base64encode("{}")

    oidc_token {
      service_account_email = google_service_account.scheduler_invoker.email
      audience              = google_cloudfunctions2_function.function["build_digests"].service_config[0].uri
    }
  }

  depends_on = [google_project_service.required]
}
