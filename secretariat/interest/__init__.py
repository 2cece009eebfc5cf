"""The register of members' interests and the conflicts they raise at a meeting."""
