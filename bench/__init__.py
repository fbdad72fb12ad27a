"""Benchmarks for genvideo: ``nox -s bench`` (full) or ``nox -s bench -- --quick``. See bench/RESULTS.md."""
