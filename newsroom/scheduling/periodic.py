"""Work the scheduler thread does every so often besides publishing, registered by the apps
above (this layer knows none of them): ``every(seconds, function)`` in an app's ``ready()``.

Each function is called from the scheduler thread at most once per ``seconds`` per process; it
should only enqueue a background task (the digests of alerts do), never do slow work itself. A
failure is logged and tried again at the next interval.
"""

import logging
import time

logger = logging.getLogger(__name__)
_jobs = []


def every(seconds, function):
    _jobs.append({"seconds": seconds, "function": function, "last": None})


def run_due(now=None):
    """Call the jobs whose interval has passed; returns how many ran."""
    now = time.monotonic() if now is None else now
    ran = 0
    for job in _jobs:
        if job["last"] is not None and now - job["last"] < job["seconds"]:
            continue
        job["last"] = now
        try:
            job["function"]()
            ran += 1
        except Exception:
            logger.exception("Periodic job %s failed; trying again later", job["function"])
    return ran
