"""Retrieval of items by what a question means and what it says outright (dates, topics)."""
