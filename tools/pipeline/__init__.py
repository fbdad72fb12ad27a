"""The spec pipeline: vendored upstream documents -> prepared specs -> generated clients.

Every step is deterministic and driven by ``specs/pipeline.toml``:

* ``prepare``  load upstream (YAML 1.2 booleans), merge, select paths, apply the
  JSON Patch files in ``specs/<spec>/patches/`` and validate the result;
* ``generate`` run openapi-python-client on each prepared document;
* ``drift``    regenerate into a scratch copy and diff it against the checkout.

Run through nox (``nox -s generate``, ``nox -s drift``), which pins the tools.
"""
