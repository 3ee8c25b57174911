terraform {
  # 1.6: `terraform test`, validation blocks that reference other variables (1.9 not needed).
  required_version = ">= 1.6, < 2.0"

  required_providers {
    google = {
      source = "hashicorp/google"
      # 6.x has IAP without a brand/OAuth client on backend services, Cloud Run v2 and the
      # Firestore TTL field; a major version may change resource schemas, so it is pinned.
      version = ">= 6.14, < 7.0"
    }
  }

  # The state lives in a GCS bucket in production: copy backend.tf.example to backend.tf.
}

provider "google" {
  project = var.project_id
  region  = var.region

  default_labels = {
    app = "parentpath"
  }
}
