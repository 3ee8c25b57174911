"""Cloud Function entry points: each parses its event, calls one service, maps errors.

Importing this package configures nothing; the instance's container (shared.wiring) sets up
logging and clients on first use.
"""
