# Firestore in Native mode, the composite indexes the store's queries need, and TTL policies.

resource "google_firestore_database" "default" {
  name                              = "(default)"
  location_id                       = var.region
  type                              = "FIRESTORE_NATIVE"
  concurrency_mode                  = "OPTIMISTIC"
  point_in_time_recovery_enablement = "POINT_IN_TIME_RECOVERY_ENABLED"
  delete_protection_state           = "DELETE_PROTECTION_ENABLED"
  deletion_policy                   = "ABANDON"

  depends_on = [google_project_service.required]
}

# Generated from shared/indexes.py (`python -m infra.firestore_indexes`; a unit test keeps
# the file and the code in step).
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

# Firestore deletes a document some time (usually within a day) after its `expires_at`
# timestamp. The field must hold a Firestore timestamp, not an ISO string, for TTL to act:
# the store writes ISO strings today (Model.to_document), so these policies are in place but
# delete nothing until it writes timestamps (admin_login_links is empty with ADMIN_AUTH=iap).
resource "google_firestore_field" "expires_at" {
  for_each = toset(local.ttl_collections)

  database   = google_firestore_database.default.name
  collection = each.value
  field      = "expires_at"

  ttl_config {}
  # No single-field index on an expiry nobody queries: cheaper writes.
  index_config {}
}
