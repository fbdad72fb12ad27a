"""The spec pipeline: preparation, patches, drift, spec updates."""
