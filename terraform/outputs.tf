output "newsletter_bucket" {
  value       = google_storage_bucket.newsletters.name
  description = "NEWSLETTER_BUCKET for the functions."
}

output "tasks_queue" {
  value       = google_cloud_tasks_queue.parentpath.name
  description = "TASKS_QUEUE for the functions."
}
