# parse_newsletter runs from a container image on Cloud Run: the offline extractor (Gemini's
# fallback, and the whole extractor without a key) needs tesseract and its eng, chi_sim, pan
# and fil packs, which the stock Cloud Functions runtime lacks. The image
# (infra/docker/parse_newsletter.Dockerfile) serves `functions-framework --target
# parse_newsletter`, and Eventarc delivers the bucket's finalize events to it.

resource "google_artifact_registry_repository" "images" {
  # checkov:skip=CKV_GCP_84:The image holds code and public OCR language packs, no school or family data; Google-managed encryption is enough and a customer key would add a KMS key to run and pay for.
  repository_id = "parentpath"
  location      = var.region
  format        = "DOCKER"
  description   = "ParentPath images (parse-newsletter)."

  # Keep the ten newest images for rollback; drop untagged layers of failed builds.
  cleanup_policies {
    id     = "keep-recent"
    action = "KEEP"
    most_recent_versions {
      keep_count = 10
    }
  }
  cleanup_policies {
    id     = "delete-old"
    action = "DELETE"
    condition {
      older_than = "2592000s"
    }
  }

  depends_on = [google_project_service.required]
}

resource "google_cloud_run_v2_service" "parse_newsletter" {
  name     = "parse-newsletter"
  location = var.region
  # Only Eventarc (internal traffic from the project) delivers to it.
  ingress             = "INGRESS_TRAFFIC_INTERNAL_ONLY"
  deletion_protection = false

  template {
    service_account                  = google_service_account.function["parse_newsletter"].email
    timeout                          = "${local.functions.parse_newsletter.timeout_s}s"
    max_instance_request_concurrency = local.functions.parse_newsletter.concurrency

    scaling {
      min_instance_count = 0
      max_instance_count = var.max_instances
    }

    containers {
      image = var.parse_newsletter_image

      resources {
        limits = {
          cpu    = local.functions.parse_newsletter.cpu
          memory = local.functions.parse_newsletter.memory
        }
        cpu_idle = true
      }

      dynamic "env" {
        for_each = merge(local.common_env, local.functions.parse_newsletter.env)
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = toset(local.functions.parse_newsletter.secrets)
        content {
          name = local.secrets[env.value]
          value_source {
            secret_key_ref {
              secret  = google_secret_manager_secret.secret[env.value].secret_id
              version = "latest"
            }
          }
        }
      }

      startup_probe {
        tcp_socket {
          port = 8080
        }
      }
    }
  }

  depends_on = [
    google_project_service.required,
    google_secret_manager_secret_iam_member.accessor,
  ]
}

resource "google_cloud_run_v2_service_iam_member" "parse_newsletter_invoker" {
  name     = google_cloud_run_v2_service.parse_newsletter.name
  location = var.region
  role     = "roles/run.invoker"
  member   = google_service_account.uploads_trigger.member
}

resource "google_eventarc_trigger" "uploads" {
  name            = "parentpath-uploads"
  location        = var.region
  service_account = google_service_account.uploads_trigger.email

  matching_criteria {
    attribute = "type"
    value     = "google.cloud.storage.object.v1.finalized"
  }
  matching_criteria {
    attribute = "bucket"
    value     = google_storage_bucket.newsletters.name
  }

  destination {
    cloud_run_service {
      service = google_cloud_run_v2_service.parse_newsletter.name
      region  = var.region
      path    = "/"
    }
  }

  depends_on = [
    google_project_iam_member.gcs_agent_publishes_events,
    google_project_iam_member.uploads_trigger_receives_events,
  ]
}
