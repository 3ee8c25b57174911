"""The Gemini Developer API, shared by every adapter that uses it (extraction, embeddings,
translation, answers): one google-genai client, one retry policy and one rate limiter per
instance (`client.GeminiClient`), plus what the extractor sends and reads (media, files,
schema, prompt, conversion)."""
