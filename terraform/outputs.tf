output "webhook_url" {
  value       = google_cloudfunctions2_function.function["whatsapp_webhook"].service_config[0].uri
  description = "Callback URL to enter in Meta's WhatsApp webhook configuration."
}

output "admin_url" {
  value       = "https://${var.admin_domain}/"
  description = "The admin page (IAP sign-in); reachable once admin_domain points at admin_ip and the certificate is active."
}

output "admin_ip" {
  value       = google_compute_global_address.admin.address
  description = "Create a DNS A record for admin_domain with this address."
}

output "iap_audience" {
  value       = local.iap_audience
  description = "The aud claim of IAP's signed header on the admin page."
}

output "newsletter_bucket" {
  value       = google_storage_bucket.newsletters.name
  description = "Bucket staff upload newsletters to (SCHOOL_ID/ folders)."
}

output "queues" {
  value       = { for key, queue in google_cloud_tasks_queue.queue : key => queue.name }
  description = "The Cloud Tasks queues by role."
}

output "secret_ids" {
  value       = keys(local.secrets)
  description = "Secret Manager secrets to fill with `gcloud secrets versions add` (ids only; no value is in the state)."
}

output "function_service_accounts" {
  value       = { for name, account in google_service_account.function : name => account.email }
  description = "The service account each function runs as."
}
