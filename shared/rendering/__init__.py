"""What a parent reads: the digest frame in their language, dates in their locale, SMS sizing.

Free of any provider: the messenger adapters get finished text from here.
"""
