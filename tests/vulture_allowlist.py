"""Names the dead-code check (vulture) cannot see used, each with who uses it.

Vulture reads this file with ``secretariat/`` and ``ui/`` (``[tool.vulture]``
in pyproject.toml): a name mentioned here counts as used. Add a name only
with its reason; delete code that nothing uses instead.
"""
# ruff: noqa: B018, F821  (bare names and attributes are the point here)

# Qt calls these overrides of its classes by name.
_.takeAt, _.expandingDirections, _.hasHeightForWidth, _.heightForWidth  # QLayout
_.headerData, _.canFetchMore, _.fetchMore, _.columnCount  # QAbstractItemModel
_.supportedDropActions, _.mimeTypes, _.mimeData, _.dropMimeData  # drag and drop
_.eventFilter  # QObject.installEventFilter

# Looked up by name when first used: menu commands (ui/menus.py, _call) and
# pages and tabs (ui/pages/__init__.py and meeting.py, lazy).
show_backups, import_file, show_shortcuts, show_cycle, show_about, export_calendar
take_copy, merge_copy, live, print_current, preview_current, make_pack, forward_plan
ActionsPage, AgendaPage, AttendanceStatsPage, InterestsPage, MeetingsPage, PapersPage
PeoplePage, RegisterPage, SuggestionsPage, LiveView, MinutesTab, MeetingInterestsTab
RecommendationsPage

# Read by the library they are set on.
_.categoryNames, _.boxAnchor, _.valueMax, _.valueMin, _.valueStep  # ReportLab charts
_.labelTextFormat, _.fillColor, _.strokeColor, _.keepWithNext  # ReportLab
_._pdfScale  # ReportLab's font face, pickled (documents/parsed_fonts.py)
_._stored, _._path  # read back through __dict__ (documents/parsed_fonts.py)
_.row_factory  # sqlite3
_.calendar_name  # icalendar: a property writing NAME and X-WR-CALNAME
# python-docx: properties that write the document's XML (documents/docx_layout.py, docx_blocks.py)
_.page_width, _.page_height, _.left_margin, _.right_margin, _.top_margin, _.bottom_margin
_.header_distance, _.footer_distance, _.last_modified_by, _.comments, _.keywords, _.modified
_.revision, _.autofit
_.page_mode  # pypdf: how a reader opens the PDF (documents/meeting_pack.py)
_.__eq__, _.__hash__, _.__repr__, _.__setattr__, _.__delattr__  # Python (frozen.py)

# Record fields that mirror a table's columns: Manager.update accepts a
# record's fields, and rows are read into them.
_.offer_dropped_on, _.placed_item_id, _.approval_entry_id, _.made_at_meeting_id

# The core's operations and the window's hooks that only tests and the
# benchmarks call.
_.carry_forward, _.with_status, _.choose, _.built
export_json, bulk_load
