import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def child():
    """Start ``python -c CODE ARGS...`` with the project importable; stdout is a pipe."""
    started = []

    def start(code: str, *args, **options) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   **options)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()
