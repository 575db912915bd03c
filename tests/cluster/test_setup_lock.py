"""Two `newsroom setup` at once on one fresh SQLite database: one sets it up, the other waits."""

import subprocess

import pytest

from deploy.cluster import services

pytestmark = [pytest.mark.cluster]


def test_two_setups_at_once_on_sqlite_set_up_once(tmp_path):
    env = {
        key: value
        for key, value in services.cluster_env("", "", tmp_path / "data", "sqlite").items()
        if key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env["NEWSROOM_DEMO"] = "0"
    command = [services.VENV_BIN / "newsroom", "setup"]
    runs = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert sum("An admin account was created" in output for output in outputs) == 1, outputs
    assert sum("Existing newsroom found" in output for output in outputs) == 1, outputs
