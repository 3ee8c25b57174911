# Secret Manager secrets, created without a value: an operator adds each version with
#   printf %s "$VALUE" | gcloud secrets versions add ID --data-file=-
# so no secret passes through this repository, the plan or the state.

resource "google_secret_manager_secret" "secret" {
  for_each = local.secrets

  secret_id = each.key
  labels = {
    env_var = lower(each.value)
  }

  replication {
    user_managed {
      replicas {
        location = var.region
      }
    }
  }

  depends_on = [google_project_service.required]
}

# A function may read exactly the secrets it is given in local.functions.
resource "google_secret_manager_secret_iam_member" "accessor" {
  for_each = local.secret_mounts

  secret_id = google_secret_manager_secret.secret[each.value.secret].id
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.function[each.value.function].member
}
