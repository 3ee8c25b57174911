"""Cloud Function entry points: each parses its event, calls one service, maps errors."""

from shared.logs import configure_logging
from shared.settings import get_settings

_settings = get_settings()
configure_logging(_settings.log_level, _settings.google_cloud_project)
