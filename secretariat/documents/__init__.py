"""Printed documents (ReportLab). Import only when printing: ReportLab is slow
to load and nothing at start-up needs it.

Renderers take plain data and return PDF bytes. Every user string reaches a
Paragraph through ``text.esc``; every document is laid out by
``layout.build_pdf`` with the shared page template.
"""
