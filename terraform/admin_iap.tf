# The admin page behind an external HTTPS load balancer with Identity-Aware Proxy. Staff sign
# in with their Google account; only admin_members get through. The calendar links the
# digests carry (/calendar/...) are for parents, so that one path skips IAP (each link is
# signed with CALENDAR_LINK_KEY instead). The function's ingress admits only this load
# balancer, and it verifies IAP's signed header (audience: the iap_audience output) itself.
#
# The Cloud Run equivalent without a load balancer (IAP enabled on the service itself) has
# no way to leave /calendar/ public, so it is not used here.

locals {
  # The aud claim of IAP's signed header, for the admin function's IAP audience setting.
  iap_audience = "/projects/${data.google_project.this.number}/global/backendServices/${google_compute_backend_service.admin.generated_id}"
}

resource "google_compute_region_network_endpoint_group" "admin" {
  name                  = "parentpath-admin"
  region                = var.region
  network_endpoint_type = "SERVERLESS"

  # The name, not a reference: the admin function's settings refer to the backend service
  # below (local.iap_audience), so a reference back would be a cycle.
  cloud_function {
    function = "admin"
  }

  depends_on = [google_project_service.required]
}

# Staff pages: IAP signs every request in (Google-managed OAuth client).
resource "google_compute_backend_service" "admin" {
  name                  = "parentpath-admin"
  protocol              = "HTTPS"
  load_balancing_scheme = "EXTERNAL_MANAGED"

  backend {
    group = google_compute_region_network_endpoint_group.admin.id
  }

  iap {
    enabled = true
  }

  log_config {
    enable      = true
    sample_rate = 1.0
  }
}

# Parents' calendar links: the same function, without IAP.
resource "google_compute_backend_service" "calendar" {
  name                  = "parentpath-calendar"
  protocol              = "HTTPS"
  load_balancing_scheme = "EXTERNAL_MANAGED"

  backend {
    group = google_compute_region_network_endpoint_group.admin.id
  }

  log_config {
    enable      = true
    sample_rate = 1.0
  }
}

resource "google_compute_url_map" "admin" {
  name            = "parentpath-admin"
  default_service = google_compute_backend_service.admin.id

  host_rule {
    hosts        = [var.admin_domain]
    path_matcher = "admin"
  }

  path_matcher {
    name            = "admin"
    default_service = google_compute_backend_service.admin.id

    path_rule {
      paths   = ["/calendar/*"]
      service = google_compute_backend_service.calendar.id
    }
  }
}

resource "google_compute_managed_ssl_certificate" "admin" {
  name = "parentpath-admin"

  managed {
    domains = [var.admin_domain]
  }
}

resource "google_compute_ssl_policy" "modern" {
  name            = "parentpath-modern-tls"
  profile         = "MODERN"
  min_tls_version = "TLS_1_2"
}

resource "google_compute_target_https_proxy" "admin" {
  name             = "parentpath-admin"
  url_map          = google_compute_url_map.admin.id
  ssl_certificates = [google_compute_managed_ssl_certificate.admin.id]
  ssl_policy       = google_compute_ssl_policy.modern.id
}

resource "google_compute_global_address" "admin" {
  name = "parentpath-admin"
}

resource "google_compute_global_forwarding_rule" "admin" {
  name                  = "parentpath-admin"
  target                = google_compute_target_https_proxy.admin.id
  ip_address            = google_compute_global_address.admin.address
  port_range            = "443"
  load_balancing_scheme = "EXTERNAL_MANAGED"
}

resource "google_iap_web_backend_service_iam_member" "admin_access" {
  for_each = toset(var.admin_members)

  web_backend_service = google_compute_backend_service.admin.name
  role                = "roles/iap.httpsResourceAccessor"
  member              = each.value
}
