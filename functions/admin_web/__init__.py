"""The admin page: server-rendered HTML (Jinja2, one stylesheet, no script) behind IAP."""
