"""What a test needs to send a job to one device: address, platform, credentials."""
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Target:
    name: str
    host: str
    port: int
    platform: str
    username: str
    password: str
    enable_secret: str = None
    prompt: str = None

    @property
    def auth(self):
        """HTTP Basic credentials: NAAS passes them through to the device."""
        return (self.username, self.password)

    def body(self, **fields):
        """A request body aimed at this device; `fields` add or override keys."""
        body = {"host": self.host, "port": self.port, "platform": self.platform}
        if self.enable_secret is not None:
            body["enable"] = self.enable_secret
        body.update(fields)
        return body

    def with_password(self, password):
        return replace(self, password=password)
