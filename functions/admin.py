"""HTTP function `admin`: the review page where staff fix and approve what goes to families."""

from __future__ import annotations

import flask
import functions_framework

from functions.admin_web.app import handle
from functions.admin_web.views import VIEWS


@functions_framework.http
def admin(request: flask.Request) -> flask.Response:
    return handle(request, VIEWS)
