"""genvideo.testing: the sandbox, its submits and media, sandboxed() and the pytest plugin."""
