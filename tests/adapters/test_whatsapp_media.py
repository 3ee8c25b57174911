"""The WhatsApp media fetcher against the Cloud API stand-in's two media routes."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from infra.standins.messaging import WhatsAppCloudStandin, serve_whatsapp
from shared.adapters.whatsapp_media import MediaUnavailable, WhatsAppMediaFetcher
from shared.errors import TransientError


@pytest.fixture
def standin() -> Iterator[WhatsAppCloudStandin]:
    with serve_whatsapp() as running:
        yield running


def fetcher(standin: WhatsAppCloudStandin, max_bytes: int = 1000) -> WhatsAppMediaFetcher:
    return WhatsAppMediaFetcher(
        httpx.Client(timeout=5.0),
        base_url=standin.base_url,
        api_version="v23.0",
        access_token=standin.access_token,
        max_bytes=max_bytes,
    )


def test_fetches_the_bytes_and_type_of_a_media_id(standin) -> None:
    standin.media["1013859600285441"] = (b"OggS voice", "audio/ogg; codecs=opus")
    media = fetcher(standin).fetch("1013859600285441")
    assert media.content == b"OggS voice" and media.mime_type == "audio/ogg; codecs=opus"


def test_an_unknown_media_id_is_permanent(standin) -> None:
    with pytest.raises(MediaUnavailable):
        fetcher(standin).fetch("404404")


def test_an_outage_is_transient(standin) -> None:
    standin.media["1"] = (b"x", "audio/ogg")
    standin.fail_next_with_outage()
    with pytest.raises(TransientError):
        fetcher(standin).fetch("1")


def test_media_over_the_cap_is_refused(standin) -> None:
    standin.media["2"] = (b"x" * 2000, "audio/ogg")
    with pytest.raises(MediaUnavailable, match="over 1000"):
        fetcher(standin).fetch("2")
