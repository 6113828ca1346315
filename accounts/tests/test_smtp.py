"""`EMAIL_URL=smtp://host:port` (no TLS, no login) delivers the Celery task's message to a real
SMTP conversation on a local port."""

import socketserver
import threading
from email import message_from_string
from email.header import decode_header, make_header

import pytest
from django.test import override_settings

from accounts.tasks import send_email
from config.settings.base import parse_email_url


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept one message; what it got goes to `server.received`."""

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 test ESMTP")
        envelope = {"rcpt": [], "data": ""}
        while line := self.rfile.readline().decode().rstrip("\r\n"):
            command = line.split(" ", 1)[0].upper()
            if command in ("EHLO", "HELO"):
                self.reply("250 test")
            elif command == "MAIL":
                envelope["from"] = line
                self.reply("250 OK")
            elif command == "RCPT":
                envelope["rcpt"].append(line)
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 go on")
                lines = []
                while (chunk := self.rfile.readline().decode()) not in (".\r\n", ""):
                    lines.append(chunk)
                envelope["data"] = "".join(lines)
                self.server.received.append(envelope)
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not here")


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SMTPHandler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_plain_smtp_url_delivers(smtp_server):
    port = smtp_server.server_address[1]
    with override_settings(**parse_email_url(f"smtp://127.0.0.1:{port}")):
        send_email(
            {
                "subject": "[AniHata] Підтвердіть адресу",
                "body": "Посилання: http://localhost:3000/accounts/confirm-email/abc/",
                "from_email": "AniHata <noreply@anihata.com.ua>",
                "to": ["reader@example.com"],
            }
        )
    [envelope] = smtp_server.received
    assert [line.upper() for line in envelope["rcpt"]] == ["RCPT TO:<READER@EXAMPLE.COM>"]
    message = message_from_string(envelope["data"])
    assert str(make_header(decode_header(message["Subject"]))) == "[AniHata] Підтвердіть адресу"
    assert "confirm-email/abc/" in message.get_payload(decode=True).decode()
