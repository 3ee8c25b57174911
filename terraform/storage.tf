# The bucket staff upload to, and the bucket Terraform uploads the functions' source zip to.

resource "google_storage_bucket" "newsletters" {
  name                        = var.newsletter_bucket
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  # Staff uploads are the source of truth: an overwritten or deleted upload stays
  # recoverable for a term.
  versioning {
    enabled = true
  }
  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.noncurrent_upload_retention_days
      with_state                 = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }
  # Uploads that never finished leave parts behind that cost storage.
  lifecycle_rule {
    condition {
      age = 7
    }
    action {
      type = "AbortIncompleteMultipartUpload"
    }
  }

  logging {
    log_bucket = google_storage_bucket.access_logs.name
  }

  depends_on = [google_project_service.required]
}

resource "google_storage_bucket" "function_source" {
  name                        = "${var.project_id}-parentpath-source"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  # Each deploy uploads a zip named by its content hash; old ones are the rollback targets.
  versioning {
    enabled = true
  }
  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
  }

  logging {
    log_bucket = google_storage_bucket.access_logs.name
  }

  depends_on = [google_project_service.required]
}

# Access logs of the two buckets (who read which newsletter), kept a year.
resource "google_storage_bucket" "access_logs" {
  name                        = "${var.project_id}-parentpath-access-logs"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }
  lifecycle_rule {
    condition {
      age = 365
    }
    action {
      type = "Delete"
    }
  }

  # checkov:skip=CKV_GCP_62:This is the access-log bucket itself; logging it into itself would loop.

  depends_on = [google_project_service.required]
}

# Cloud Storage writes access logs as this group.
resource "google_storage_bucket_iam_member" "access_log_writer" {
  bucket = google_storage_bucket.access_logs.name
  role   = "roles/storage.objectCreator"
  member = "group:cloud-storage-analytics@google.com"
}

resource "google_storage_bucket_object" "function_source" {
  name   = "functions-source-${filemd5(var.function_source_zip)}.zip"
  bucket = google_storage_bucket.function_source.name
  source = var.function_source_zip
}
