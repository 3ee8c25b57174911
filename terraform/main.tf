# The foundation's resources: the newsletter bucket, the Firestore database and the task queue.
# Functions, service accounts, the scheduler and secrets come with the deploy issue.

resource "google_firestore_database" "default" {
  name        = "(default)"
  location_id = var.region
  type        = "FIRESTORE_NATIVE"
}

resource "google_storage_bucket" "newsletters" {
  name                        = var.newsletter_bucket
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  # Staff uploads are the source of truth: keep overwritten generations for a term.
  versioning {
    enabled = true
  }
  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 120
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_cloud_tasks_queue" "parentpath" {
  name     = var.tasks_queue
  location = var.region

  retry_config {
    max_attempts  = var.task_max_attempts
    min_backoff   = "1s"
    max_backoff   = "60s"
    max_doublings = 5
  }
}

# Composite indexes the store's queries need, generated from shared/indexes.py
# (`python -m infra.firestore_indexes`; a unit test keeps the file and the code in step).
resource "google_firestore_index" "query" {
  for_each = {
    for index in jsondecode(file("${path.module}/firestore_indexes.json")) :
    "${index.collection}:${join(",", [for f in index.fields : f.field_path])}" => index
  }

  database    = google_firestore_database.default.name
  collection  = each.value.collection
  query_scope = each.value.query_scope

  dynamic "fields" {
    for_each = each.value.fields
    content {
      field_path = fields.value.field_path
      order      = fields.value.order
    }
  }
}
