"""Client and AsyncClient behaviour: create, get, wait, options, the CLI, credentials, refs and states."""
