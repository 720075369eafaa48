"""A minimal Jupyter kernel for measuring clients: it answers at once and runs nothing.

Every execute_request is answered like ipykernel answers `pass` (busy, execute_input, execute_reply,
idle) with no interpreter behind it, so a client's round trip on it is almost all client overhead.
Speaks the wire protocol with pyzmq and hmac only.
    python echo_kernel.py CONNECTION_FILE
"""
import hashlib
import hmac
import json
import sys
import uuid
from datetime import datetime, timezone

import zmq

DELIM = b"<IDS|MSG>"


def main(path):
    cfg = json.load(open(path))
    key = cfg["key"].encode()
    ctx = zmq.Context()
    url = f"{cfg['transport']}://{cfg['ip']}:"

    def bind(kind, port):
        s = ctx.socket(kind)
        s.linger = 0
        s.bind(url + str(cfg[port]))
        return s

    shell, control, stdin = bind(zmq.ROUTER, "shell_port"), bind(zmq.ROUTER, "control_port"), bind(zmq.ROUTER, "stdin_port")
    # XPUB: requests are held until a client has subscribed to IOPub, so no status is published
    # into the void (the slow-joiner problem a real kernel hides behind its own start-up time).
    iopub, hb = bind(zmq.XPUB, "iopub_port"), bind(zmq.REP, "hb_port")
    session = uuid.uuid4().hex
    count = 0

    def sign(parts):
        h = hmac.new(key, digestmod=hashlib.sha256)
        for p in parts:
            h.update(p)
        return h.hexdigest().encode()

    def send(sock, idents, msg_type, content, parent):
        header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session, "username": "echo",
                  "date": datetime.now(timezone.utc).isoformat(), "version": "5.3"}
        parts = [json.dumps(x).encode() for x in (header, parent, {}, content)]
        sock.send_multipart(idents + [DELIM, sign(parts)] + parts)

    def status(state, parent):
        send(iopub, [b"kernel.echo.status"], "status", {"execution_state": state}, parent)

    info = {"status": "ok", "protocol_version": "5.3", "implementation": "echo", "implementation_version": "1",
            "language_info": {"name": "python", "version": "3", "file_extension": ".py", "mimetype": "text/x-python"},
            "banner": "echo", "help_links": []}
    poller = zmq.Poller()
    for s in (iopub, hb):
        poller.register(s, zmq.POLLIN)
    subscribed = False
    while True:
        for sock, _ in poller.poll():
            if sock is hb:
                hb.send(hb.recv())
                continue
            if sock is iopub:
                if iopub.recv()[:1] == b"\x01" and not subscribed:
                    subscribed = True
                    for s in (shell, control):
                        poller.register(s, zmq.POLLIN)
                    status("starting", {})
                continue
            frames = sock.recv_multipart()
            i = frames.index(DELIM)
            idents, sig, parts = frames[:i], frames[i + 1], frames[i + 2:i + 6]
            if not hmac.compare_digest(sig, sign(parts)):
                continue
            header = json.loads(parts[0])
            kind = header["msg_type"]
            status("busy", header)
            if kind == "kernel_info_request":
                send(sock, idents, "kernel_info_reply", info, header)
            elif kind == "execute_request":
                count += 1
                send(iopub, [b"kernel.echo.execute_input"], "execute_input",
                     {"code": json.loads(parts[3]).get("code", ""), "execution_count": count}, header)
                send(sock, idents, "execute_reply", {"status": "ok", "execution_count": count,
                                                     "user_expressions": {}, "payload": []}, header)
            elif kind == "shutdown_request":
                send(sock, idents, "shutdown_reply", {"status": "ok", "restart": False}, header)
                status("idle", header)
                return
            elif kind.endswith("_request"):
                send(sock, idents, kind.replace("_request", "_reply"), {"status": "ok"}, header)
            status("idle", header)


if __name__ == "__main__":
    main(sys.argv[1])
