variable "project_id" {
  type        = string
  description = "Google Cloud project that hosts ParentPath."
}

variable "region" {
  type        = string
  default     = "northamerica-northeast1"
  description = "Region of the bucket, the queue and the functions."
}

variable "newsletter_bucket" {
  type        = string
  description = "Name of the bucket staff upload newsletters to (globally unique)."
}

variable "tasks_queue" {
  type        = string
  default     = "parentpath"
  description = "Cloud Tasks queue for indexing, targeting and digest fan-out (TASKS_QUEUE)."
}

variable "task_max_attempts" {
  type        = number
  default     = 5
  description = "Attempts before a task is given up (TASK_MAX_ATTEMPTS)."
  validation {
    condition     = var.task_max_attempts >= 1
    error_message = "task_max_attempts must be at least 1."
  }
}
