"""Cloud Function entry points: each parses its event, calls one service, maps errors."""

from shared.logs import configure_logging
from shared.settings import get_settings

configure_logging(get_settings().log_level, get_settings().google_cloud_project)
