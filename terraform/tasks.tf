# One Cloud Tasks queue per kind of work (local.queues), each with its own rate limit.

resource "google_cloud_tasks_queue" "queue" {
  for_each = local.queues

  name     = each.value.name
  location = var.region

  rate_limits {
    max_dispatches_per_second = each.value.max_dispatches_per_second
    max_concurrent_dispatches = each.value.max_concurrent_dispatches
  }

  retry_config {
    max_attempts  = var.task_max_attempts
    min_backoff   = "${var.task_min_backoff_s}s"
    max_backoff   = "${var.task_max_backoff_s}s"
    max_doublings = 5
  }

  stackdriver_logging_config {
    sampling_ratio = 1.0
  }

  depends_on = [google_project_service.required]
}

resource "google_cloud_tasks_queue_iam_member" "enqueuer" {
  for_each = local.enqueue_grants

  name     = google_cloud_tasks_queue.queue[each.value.queue].name
  location = var.region
  role     = "roles/cloudtasks.enqueuer"
  member   = google_service_account.function[each.value.function].member
}

# A function that enqueues names the tasks service account in each task's OIDC token, which
# needs actAs on that account.
resource "google_service_account_iam_member" "enqueuer_acts_as_tasks_invoker" {
  for_each = toset(distinct([for grant in values(local.enqueue_grants) : grant.function]))

  service_account_id = google_service_account.tasks_invoker.name
  role               = "roles/iam.serviceAccountUser"
  member             = google_service_account.function[each.value].member
}
