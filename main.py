"""Start Taskforce Secretariat: python main.py [FILE]"""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
