"""The bodies and the people who serve on them."""
