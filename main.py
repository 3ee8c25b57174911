"""Every Cloud Function entry point by name: `functions-framework --target NAME` works from here.

This is the process's entry point (functions-framework loads it), so it is where the instance's
logging is set up; importing `functions` or `shared` configures nothing.
"""

from functions.admin import admin
from functions.build_digests import build_digests
from functions.index_items import index_items
from functions.parse_newsletter import parse_newsletter
from functions.send_digest import send_digest
from functions.target_item import target_item
from functions.whatsapp_replies import whatsapp_replies
from functions.whatsapp_webhook import whatsapp_webhook
from shared.logs import configure_logging
from shared.settings import get_settings

configure_logging(get_settings().log_level, get_settings().google_cloud_project)

__all__ = [
    "admin",
    "build_digests",
    "index_items",
    "parse_newsletter",
    "send_digest",
    "target_item",
    "whatsapp_replies",
    "whatsapp_webhook",
]
