"""The distributions: built, installed offline like a user would, and run."""
