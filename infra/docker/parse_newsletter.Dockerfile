# parse_newsletter on Cloud Run: the function's code on the same Python as the other seven
# functions, with tesseract and the four language packs the offline extractor reads
# (OCR_LANGUAGES). Built from the context `make package` writes to dist/parse-newsletter-image.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8080 \
    HOME=/tmp \
    XDG_CACHE_HOME=/tmp/.cache

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-pan tesseract-ocr-fil \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /srv
# requirements.txt ends with `-c constraints.txt` (make package adds it): the same pins as CI.
COPY requirements.txt constraints.txt ./
RUN pip install --no-compile -r requirements.txt

COPY main.py ./
COPY functions ./functions
COPY shared ./shared

# No root at run time; the code writes nothing but logs and temporary files (state lives in
# Firestore and GCS), so HOME and caches point at /tmp.
RUN useradd --system --uid 10001 --no-create-home parentpath
USER parentpath

# Cloud Run probes the port (startup_probe in terraform/parse_newsletter.tf); an HTTP
# HEALTHCHECK would have to fake a CloudEvent.
HEALTHCHECK NONE

CMD ["sh", "-c", "exec functions-framework --target=parse_newsletter --signature-type=cloudevent --host=0.0.0.0 --port=${PORT}"]
