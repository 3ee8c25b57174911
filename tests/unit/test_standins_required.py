"""Under CI a stand-in that cannot start fails its tests: a skip would hide untested adapters."""

from __future__ import annotations

import pytest

from infra.standins.process import StandinUnavailable
from tests.conftest import standin_missing

MISSING = StandinUnavailable("gcloud is not on PATH")


@pytest.mark.parametrize("ci", ["true", "TRUE", "1"])
def test_under_ci_a_missing_stand_in_fails(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="Firestore emulator unavailable: gcloud"):
        standin_missing("Firestore emulator", MISSING)


@pytest.mark.parametrize("ci", [None, "", "false"])
def test_elsewhere_a_missing_stand_in_skips(
    monkeypatch: pytest.MonkeyPatch, ci: str | None
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="fake-gcs-server unavailable"):
        standin_missing("fake-gcs-server", MISSING)
