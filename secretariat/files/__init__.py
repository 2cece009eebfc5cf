"""Whole files: export and import, travel copies and their merge, restoring a backup, the sample, and where output may be written."""
