"""Cloud Function entry points: each parses its event, calls one service, maps errors.

Importing this package configures nothing: the root main.py, which functions-framework loads,
sets up logging, and shared.wiring builds clients on first use.
"""
