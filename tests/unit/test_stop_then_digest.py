"""A parent's STOP, answered by the webhook's replies service, holds for the digest run after it:
the confirmation is the last message they get, on every channel."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from shared.models import ConsentState
from shared.services.digest_send import SendDigestTask, send_digest
from shared.services.digests import build_digests
from shared.services.inbound import IncomingMessage, Sender
from shared.services.replies import ReplyDependencies, handle_events
from tests.digest_world import make_world
from tests.fakes import KeywordItemSearch, RecordingMessenger

MARIA = "p04"  # a sample family writing in Tagalog


def test_stop_then_a_digest_run_sends_that_parent_nothing(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    parent = world.repos.parents.get(MARIA)
    assert parent is not None and parent.consent is ConsentState.OPTED_IN
    replies = RecordingMessenger()
    deps = ReplyDependencies(
        repos=world.repos,
        messenger=replies,
        search=KeywordItemSearch(world.repos),
        clock=world.clock,
    )
    stop = IncomingMessage(
        "wamid.stop-1", Sender(parent.phone), "text", world.clock.now() - timedelta(hours=1),
        text="STOP",
    )  # fmt: skip
    handle_events([stop], deps)
    assert len(replies.bodies_to(parent.phone)) == 1  # the confirmation, and nothing else
    stored = world.repos.parents.get(MARIA)
    assert stored is not None and stored.consent is ConsentState.OPTED_OUT

    build_digests(world.deps)
    queued = [payload for _, payload, _ in world.tasks.tasks]
    assert queued, "the other families still get their digests"
    assert MARIA not in {payload["parent_id"] for payload in queued}
    # A task queued before the STOP (a retry, a race) still sends nothing.
    for payload in queued:
        send_digest(world.deps, SendDigestTask.model_validate(payload))
    send_digest(world.deps, SendDigestTask.model_validate({**queued[0], "parent_id": MARIA}))
    recipients = {r.phone_e164 for r, _, _ in world.whatsapp.sent + world.sms.sent}
    assert parent.phone not in recipients and recipients
