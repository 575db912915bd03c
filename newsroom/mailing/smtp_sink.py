"""A real SMTP server for tests and benchmarks (aiosmtpd), run in its own process:

    python -m newsroom.mailing.smtp_sink --port 2525 --folder DIR [--store] [--delay SECONDS]

It accepts every message and appends one line per message to DIR/received.log: Message-ID,
recipient, size and the Unix time of receipt, tab-separated; with --store it also keeps each
message as DIR/messages/<n>.eml. Recipients whose local part starts with ``reject-`` are
refused with a permanent 550, ``later-`` with a temporary 451. ``--delay`` makes it a slow
server: it waits that long before accepting each message. SIGTERM stops it (the log is flushed
first).
"""

import argparse
import asyncio
import re
import signal
import sys
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller

MESSAGE_ID = re.compile(rb"^Message-ID:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


class Sink:
    def __init__(self, folder, store, delay=0.0):
        self.folder = Path(folder)
        self.store = store
        self.delay = delay
        self.count = 0
        self.log = (self.folder / "received.log").open("ab", buffering=64 * 1024)
        if store:
            (self.folder / "messages").mkdir(parents=True, exist_ok=True)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        local = address.split("@")[0].lower()
        if local.startswith("reject-"):
            return "550 5.1.1 No such mailbox here"
        if local.startswith("later-"):
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.delay:
            await asyncio.sleep(self.delay)
        content = envelope.original_content or envelope.content
        found = MESSAGE_ID.search(content[:8192])
        mid = found.group(1).decode() if found else "-"
        self.count += 1
        now = time.time()
        if self.store:
            (self.folder / "messages" / f"{self.count:07d}.eml").write_bytes(content)
        for rcpt in envelope.rcpt_tos:
            self.log.write(f"{mid}\t{rcpt}\t{len(content)}\t{now:.6f}\n".encode())
        if self.count % 200 == 0:
            self.log.flush()
        return "250 Message accepted"


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--store", action="store_true")
    parser.add_argument("--delay", type=float, default=0.0)
    options = parser.parse_args(argv)
    Path(options.folder).mkdir(parents=True, exist_ok=True)
    sink = Sink(options.folder, options.store, options.delay)
    controller = Controller(
        sink, hostname="127.0.0.1", port=options.port, data_size_limit=10 * 1024 * 1024,
        decode_data=False, server_hostname="sink.test",
    )  # fmt: skip
    controller.start()
    (Path(options.folder) / "ready").write_text(str(options.port))
    stop = threading.Event()

    def flush_often():
        sink.log.flush()
        controller.loop.call_later(0.2, flush_often)

    controller.loop.call_soon_threadsafe(flush_often)
    signal.signal(signal.SIGTERM, lambda *args: stop.set())
    signal.signal(signal.SIGINT, lambda *args: stop.set())
    try:
        while not stop.wait(0.2):
            pass
    finally:
        controller.stop()
        sink.log.flush()
        sink.log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
