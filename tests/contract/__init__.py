"""Contract tests against Prism serving the prepared specs; the sandbox checked by Prism."""
