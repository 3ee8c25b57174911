# Every function runs as its own service account holding only what it needs; the callers
# (Cloud Tasks, Cloud Scheduler, Eventarc) have accounts of their own that may only invoke.

resource "google_service_account" "function" {
  for_each = local.functions

  account_id   = local.service_account_ids[each.key]
  display_name = "ParentPath ${each.key}"
  description  = "Runs the ${each.key} function."
}

# Every function reads and writes the Firestore database (datastore.user has no admin rights:
# no index, TTL or database changes).
resource "google_project_iam_member" "function_firestore" {
  for_each = local.functions

  project = var.project_id
  role    = "roles/datastore.user"
  member  = google_service_account.function[each.key].member
}

resource "google_storage_bucket_iam_member" "function_bucket" {
  for_each = local.bucket_grants

  bucket = google_storage_bucket.newsletters.name
  role   = each.value.role
  member = google_service_account.function[each.value.function].member
}

# The identity in every task's OIDC token: the only caller the task targets accept.
resource "google_service_account" "tasks_invoker" {
  account_id   = "pp-tasks-invoker"
  display_name = "ParentPath Cloud Tasks invoker"
  description  = "Signs the OIDC token of every Cloud Tasks task; may only invoke task targets."
}

resource "google_service_account" "scheduler_invoker" {
  account_id   = "pp-scheduler-invoker"
  display_name = "ParentPath Cloud Scheduler invoker"
  description  = "Signs the weekly digest job's OIDC token; may only invoke build_digests."
}

resource "google_service_account" "uploads_trigger" {
  account_id   = "pp-uploads-trigger"
  display_name = "ParentPath upload trigger"
  description  = "Eventarc delivers the bucket's finalize events as this account to parse_newsletter."
}

# Builds the seven source-deployed functions (instead of the project's default compute account).
resource "google_service_account" "function_builder" {
  account_id   = "pp-function-builder"
  display_name = "ParentPath function builder"
  description  = "Cloud Build identity that turns the source zip into the functions' images."
}

resource "google_project_iam_member" "function_builder" {
  for_each = toset([
    "roles/logging.logWriter",
    "roles/artifactregistry.writer",
  ])

  project = var.project_id
  role    = each.value
  member  = google_service_account.function_builder.member
}

resource "google_storage_bucket_iam_member" "function_builder_reads_source" {
  bucket = google_storage_bucket.function_source.name
  role   = "roles/storage.objectViewer"
  member = google_service_account.function_builder.member
}

resource "google_project_iam_member" "uploads_trigger_receives_events" {
  project = var.project_id
  role    = "roles/eventarc.eventReceiver"
  member  = google_service_account.uploads_trigger.member
}

# Cloud Storage publishes its events to Eventarc's Pub/Sub topic as its service agent.
data "google_storage_project_service_account" "gcs_agent" {}

resource "google_project_iam_member" "gcs_agent_publishes_events" {
  project = var.project_id
  role    = "roles/pubsub.publisher"
  member  = data.google_storage_project_service_account.gcs_agent.member
}
