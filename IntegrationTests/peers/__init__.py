"""The devices NAAS talks to during the integration tests, all on loopback."""
