"""What the tests share: helpers and local servers, never tests (no module here is collected).

- `clients`: clients on a sandbox with the tests' settings, the sandbox's default keys.
- `faultmatrix`: the fault matrix's rows, how one case runs and is checked, the README table.
- `faultservers`: `ScriptedServer`, for the faults the sandbox cannot script.
- `prism`: Prism (the OpenAPI mock server and validating proxy) as subprocesses.
- `wheels`: build the distributions, fill a wheelhouse, install like a user.
"""
