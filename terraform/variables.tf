variable "project_id" {
  type        = string
  description = "Google Cloud project that hosts ParentPath (GOOGLE_CLOUD_PROJECT)."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a project id (6-30 lower-case letters, digits, hyphens)."
  }
}

variable "region" {
  type        = string
  default     = "northamerica-northeast1"
  description = "Region of the bucket, Firestore, the queues, the functions and the trigger."
  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]$", var.region))
    error_message = "region must be a single region such as northamerica-northeast1."
  }
}

variable "newsletter_bucket" {
  type        = string
  description = "Name of the bucket staff upload newsletters to (NEWSLETTER_BUCKET), globally unique."
  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$", var.newsletter_bucket))
    error_message = "newsletter_bucket must be a valid bucket name (3-63 characters)."
  }
}

variable "noncurrent_upload_retention_days" {
  type        = number
  default     = 120
  description = "Days an overwritten or deleted upload is kept before its old version is deleted."
  validation {
    condition     = var.noncurrent_upload_retention_days >= 1
    error_message = "noncurrent_upload_retention_days must be at least 1."
  }
}

variable "function_source_zip" {
  type        = string
  default     = "../dist/functions-source.zip"
  description = "The source zip `make package` builds, relative to terraform/."
}

variable "parse_newsletter_image" {
  type        = string
  description = "Image of parse_newsletter (tesseract + its language packs), as Cloud Build pushes it: REGION-docker.pkg.dev/PROJECT/REPO/parse-newsletter:TAG or @sha256:DIGEST."
  validation {
    condition     = can(regex("^[a-z0-9.-]+-docker\\.pkg\\.dev/.+/.+/parse-newsletter[:@].+$", var.parse_newsletter_image))
    error_message = "parse_newsletter_image must be an Artifact Registry image named parse-newsletter with a tag or digest."
  }
}

variable "python_runtime" {
  type        = string
  default     = "python311"
  description = "Cloud Functions runtime of the seven source-deployed functions (the image uses the same Python)."
  validation {
    condition     = can(regex("^python3[0-9]+$", var.python_runtime))
    error_message = "python_runtime must be a Cloud Functions Python runtime such as python311."
  }
}

variable "task_max_attempts" {
  type        = number
  default     = 5
  description = "Attempts before a task is given up (every queue's max_attempts and TASK_MAX_ATTEMPTS: the target records the dead letter on the last one)."
  validation {
    condition     = var.task_max_attempts >= 1 && var.task_max_attempts <= 100
    error_message = "task_max_attempts must be between 1 and 100."
  }
}

variable "task_min_backoff_s" {
  type        = number
  default     = 1
  description = "Shortest wait before a task is retried, in seconds (TASK_MIN_BACKOFF_S)."
  validation {
    condition     = var.task_min_backoff_s > 0
    error_message = "task_min_backoff_s must be positive."
  }
}

variable "task_max_backoff_s" {
  type        = number
  default     = 60
  description = "Longest wait between task retries, in seconds (TASK_MAX_BACKOFF_S)."
  validation {
    condition     = var.task_max_backoff_s > 0
    error_message = "task_max_backoff_s must be positive (and at least task_min_backoff_s)."
  }
}

variable "gemini_requests_per_minute" {
  type        = number
  default     = 15
  description = "Gemini requests a minute the key allows (GEMINI_REQUESTS_PER_MINUTE): each instance's client waits rather than exceed it."
  validation {
    condition     = var.gemini_requests_per_minute > 0
    error_message = "gemini_requests_per_minute must be positive."
  }
}

variable "whatsapp_messages_per_second" {
  type        = number
  default     = 80
  description = "Messages a second the WhatsApp business number may send (Meta's default tier is 80); the digests and replies queues dispatch no faster."
  validation {
    condition     = var.whatsapp_messages_per_second > 0 && var.whatsapp_messages_per_second <= 500
    error_message = "whatsapp_messages_per_second must be in (0, 500] (Cloud Tasks' maximum rate)."
  }
}

variable "indexing_dispatches_per_second" {
  type        = number
  default     = 5
  description = "Indexing tasks a second (one per parsed newsletter or edited item): each embeds offline on index_items' CPU and writes to Qdrant."
  validation {
    condition     = var.indexing_dispatches_per_second > 0 && var.indexing_dispatches_per_second <= 500
    error_message = "indexing_dispatches_per_second must be in (0, 500]."
  }
}

variable "targeting_dispatches_per_second" {
  type        = number
  default     = 20
  description = "Targeting tasks a second: each reads the roster and writes cards in Firestore."
  validation {
    condition     = var.targeting_dispatches_per_second > 0 && var.targeting_dispatches_per_second <= 500
    error_message = "targeting_dispatches_per_second must be in (0, 500]."
  }
}

variable "qdrant_url" {
  type        = string
  description = "URL of the Qdrant Cloud cluster (QDRANT_URL); its API key goes into Secret Manager."
  validation {
    condition     = can(regex("^https://", var.qdrant_url))
    error_message = "qdrant_url must be an https:// URL."
  }
}

variable "default_school_id" {
  type        = string
  default     = "sample-school"
  description = "School of an upload whose object name has no SCHOOL_ID/ folder (DEFAULT_SCHOOL_ID)."
}

variable "log_level" {
  type        = string
  default     = "INFO"
  description = "LOG_LEVEL of every function."
  validation {
    condition     = contains(["DEBUG", "INFO", "WARNING", "ERROR"], var.log_level)
    error_message = "log_level must be DEBUG, INFO, WARNING or ERROR."
  }
}

variable "digest_schedule" {
  type        = string
  default     = "0 * * * *"
  description = "When build_digests runs (cron, in digest_time_zone): hourly, because each school's own digest weekday and time (in its time zone) decide whose digests are due; a tick queues each digest once."
}

variable "digest_time_zone" {
  type        = string
  default     = "Etc/UTC"
  description = "IANA time zone of digest_schedule (matters only for a schedule that names hours)."
}

variable "whatsapp_phone_number_id" {
  type        = string
  description = "Id of the WhatsApp business phone number that sends (WHATSAPP_PHONE_NUMBER_ID), from Meta's WhatsApp Manager; its access token goes into Secret Manager."
  validation {
    condition     = can(regex("^[0-9]{5,20}$", var.whatsapp_phone_number_id))
    error_message = "whatsapp_phone_number_id must be the numeric phone number id, not the phone number."
  }
}

variable "whatsapp_digest_template" {
  type        = string
  default     = "weekly_digest"
  description = "Name of the approved utility template digests are sent with outside the 24-hour window (WHATSAPP_DIGEST_TEMPLATE)."
}

variable "twilio_account_sid" {
  type        = string
  description = "Twilio account SID for the SMS fallback (TWILIO_ACCOUNT_SID); its auth token goes into Secret Manager."
  validation {
    condition     = can(regex("^AC[0-9a-f]{32}$", var.twilio_account_sid))
    error_message = "twilio_account_sid must be AC followed by 32 hexadecimal digits."
  }
}

variable "twilio_from_number" {
  type        = string
  description = "Twilio number SMS digests come from, in E.164 (TWILIO_FROM_NUMBER)."
  validation {
    condition     = can(regex("^\\+[1-9][0-9]{6,14}$", var.twilio_from_number))
    error_message = "twilio_from_number must be an E.164 number such as +16045550123."
  }
}

variable "admin_domain" {
  type        = string
  description = "Host name of the admin page (a DNS A record to the admin_ip output); its certificate is Google-managed."
  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.admin_domain))
    error_message = "admin_domain must be a host name such as admin.example.org."
  }
}

variable "admin_members" {
  type        = list(string)
  description = "Who may open the admin page through IAP: user:EMAIL or group:EMAIL entries."
  validation {
    condition     = length(var.admin_members) > 0 && alltrue([for m in var.admin_members : can(regex("^(user|group|domain):", m))])
    error_message = "admin_members needs at least one user:, group: or domain: entry."
  }
}

variable "max_instances" {
  type        = number
  default     = 10
  description = "Most instances of any one function: a ceiling on spend under a flood."
  validation {
    condition     = var.max_instances >= 1
    error_message = "max_instances must be at least 1."
  }
}
