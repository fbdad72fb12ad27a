"""genvideo's tests: one folder (a package) per part of the architecture; shared code in tests/support/."""
