"""The core knows nothing of Qt: no module imports PySide6, and using the core
or the command line loads neither Qt nor ReportLab."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import secretariat

CORE = Path(secretariat.__file__).parent
ROOT = CORE.parent


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt():
    offenders = [str(path.relative_to(CORE)) for path in CORE.rglob("*.py")
                 if any(name.split(".")[0] in ("PySide6", "ui")
                        for name in imported_modules(path))]
    assert offenders == []


def test_the_core_and_the_command_line_load_neither_qt_nor_reportlab(sample_path):
    probe = (
        "import sys\n"
        "from secretariat.__main__ import main\n"
        "from secretariat.taskforce import Taskforce\n"
        f"code = main(['check', {str(sample_path)!r}])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab'))\n"
        "print(code, heavy)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stderr


def test_the_window_starts_without_loading_printing_or_merging_libraries():
    # ReportLab is for printing and APSW for merging travel copies: neither
    # belongs in start-up time.
    code = ("import sys, ui.main_window; "
            "print(sorted(m for m in ('reportlab', 'apsw') if m in sys.modules))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True).stdout
    assert out.strip() == "[]"


# What storage may use of the core above it: the leaves everything shares.
LEAVES = {"errors", "frozen", "progress"}


def _from_the_core(path: Path) -> set[str]:
    """The core modules ``path`` imports, named from the package's top."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - node.level + 1]
            names = [node.module] if node.module else [a.name for a in node.names]
            found.update(".".join((*base, name)) for name in names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("secretariat"):
            found.add(node.module)
    return found


def test_storage_imports_nothing_of_the_core_above_it():
    storage = CORE / "storage"
    offenders = sorted(
        f"{path.relative_to(CORE)}: {name}" for path in storage.rglob("*.py")
        for name in _from_the_core(path)
        if not name.startswith("secretariat.storage")
        and name.removeprefix("secretariat.").split(".")[0] not in LEAVES)
    assert offenders == []


def test_every_printed_paragraph_is_the_one_that_orders_right_to_left_lines():
    """ReportLab's own Paragraph would print a wrapped Hebrew sentence's lines
    in reverse: documents take ours (documents/paragraph.py)."""
    found = []
    for path in (CORE / "documents").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reportlab")
                    and "Paragraph" in {alias.name for alias in node.names}
                    and path.name != "paragraph.py"):
                found.append(path.name)
    assert found == []


# The core's areas from the bottom up: an area's modules import, when they are
# loaded, only modules of areas below it or of their own area. (An import
# inside a function, or for type checking only, is not an arrow: taskforce.py
# makes each manager when first used.)
LAYERS = [
    {"leaves"},  # errors, frozen, progress: what storage too may use
    {"storage"},
    {"shared"},  # the modules directly in secretariat/
    {"membership"},
    {"interest"},
    {"meeting"}, {"review"},
    {"report"},
    {"letters"}, {"files"},
    {"documents"},
    {"cli"},
]
RANK = {area: n for n, areas in enumerate(LAYERS) for area in areas}


def _area(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 2 and parts[1] in LEAVES:
        return "leaves"
    return parts[1] if len(parts) > 1 and parts[1] in RANK else "shared"


def _loaded_imports(path: Path, module: str) -> set[str]:
    """The modules of ours ``module`` imports when it is loaded."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:  # "from . import fonts" names a module
                named = f"{target}.{alias.name}"
                file = ROOT / named.replace(".", "/")
                found.add(named if file.with_suffix(".py").exists() or file.is_dir() else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] in ("secretariat", "ui")}


def _core_graph(*packages: str) -> dict[str, set[str]]:
    graph = {}
    for path in (path for package in packages or ("secretariat",)
                 for path in (ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        graph[module] = _loaded_imports(path, module)
    return graph


def test_the_core_s_areas_import_only_downward():
    upward = sorted(f"{module} imports {target}"
                    for module, targets in _core_graph().items()
                    if module not in ("secretariat.__main__", "secretariat.cli")
                    for target in targets
                    if _area(target) != _area(module)
                    and RANK[_area(target)] >= RANK[_area(module)])
    assert upward == []


def test_no_module_imports_itself_round_a_circle():
    """In the core or the window: a circle makes the order modules load in
    matter, and each of its modules needs all the others."""
    graph = _core_graph("secretariat", "ui")
    state: dict[str, str] = {}
    circles = []

    def visit(module, path):
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                circles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target in graph and target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


# As the code writes SQL: in capitals ("Delete from the minutes" is a label).
_SQL = re.compile(r"^\s*(SELECT\b.*\bFROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA)\b",
                  re.DOTALL)


def test_the_window_reaches_the_file_only_through_the_core():
    """No module under ui/ imports storage, touches a store, runs SQL or opens a
    transaction: what a gesture does to the file is a named core operation."""
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "secretariat.storage"):
                found.append(f"{where} imports {node.module}")
            elif isinstance(node, ast.Import) and any(
                    a.name.startswith("secretariat.storage") for a in node.names):
                found.append(f"{where} imports storage")
            elif isinstance(node, ast.Attribute) and node.attr in ("store", "transaction"):
                found.append(f"{where} uses .{node.attr}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and _SQL.match(node.value):
                found.append(f"{where} runs SQL")
    assert found == []


def _edits_made_outside(path: Path) -> list[str]:
    """Where ``path`` makes an undo command, subclasses one, pushes on an undo
    stack, or imports the helpers (``ui/edits/command.py``) that do."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            called = node.func.id if isinstance(node.func, ast.Name) else getattr(
                node.func, "attr", "")
            if called in ("Edit", "QUndoCommand"):
                found.append(f"{where} makes an undo command")
            elif called == "push":
                found.append(f"{where} pushes on an undo stack")
        elif isinstance(node, ast.ClassDef) and any(
                "QUndoCommand" in ast.unparse(base) for base in node.bases):
            found.append(f"{where} subclasses QUndoCommand")
        elif isinstance(node, ast.ImportFrom) and (
                (node.module or "").endswith("edits.command")
                or ((node.module or "").endswith("edits")
                    and "command" in {alias.name for alias in node.names})):
            found.append(f"{where} imports ui.edits.command")
    return found


def test_every_gesture_goes_through_a_named_edit():
    """Outside ``ui/edits/`` nothing in the window makes or pushes an undo
    command: a gesture calls its named edit there (one core operation to do
    it, one to undo it), so every change can be undone the same way."""
    edits = ROOT / "ui" / "edits"
    found = [line for path in sorted((ROOT / "ui").rglob("*.py")) if edits not in path.parents
             for line in _edits_made_outside(path)]
    assert found == []


# Dates in file names, not for a reader: a backup's and a set-aside file's stamp.
_STAMPS = {"secretariat/storage/backups.py", "secretariat/files/restore.py"}


def test_dates_and_times_are_written_for_a_reader_by_values_alone():
    """One module (secretariat/values.py) holds every way a date or time is
    written, so 26 May 2011 reads the same on every page and document."""
    found = []
    for package in ("secretariat", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            name = str(path.relative_to(ROOT))
            if name in _STAMPS or name == "secretariat/values.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Attribute) and node.attr == "strftime":
                    found.append(f"{name}:{node.lineno} strftime")
                elif isinstance(node, ast.FormattedValue) and node.format_spec is not None \
                        and "%" in ast.unparse(node.format_spec):
                    found.append(f"{name}:{node.lineno} a date format")
    assert found == []
