"""Run a Python module as `python -m` does, and write this process's peak RSS when it exits.

    python bench/peak.py OUT_FILE mkdocs build -f mkdocs.yml …

OUT_FILE gets the peak in KiB (`VmHWM` of /proc/self/status). Why not the parent's `os.wait4`
rusage: Linux carries `ru_maxrss` across `exec` (a vfork-ed child even starts on the parent's
memory map), so a build spawned by a benchmark process that has grown to 300 MB reports at least
300 MB. `VmHWM` is the high-water mark of this process's own memory map, which `exec` started
afresh; the wrapper itself adds a few hundred KiB.
"""

from __future__ import annotations

import atexit
import runpy
import sys
from pathlib import Path


def _write_peak(out: Path) -> None:
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            out.write_text(line.split()[1], encoding="utf-8")
            return


def main() -> None:
    out, module, *args = sys.argv[1:]
    atexit.register(_write_peak, Path(out))
    # As under `python -m`: the working folder first on the path, not bench/ (whose modules could
    # shadow a package's imports).
    sys.path[0] = str(Path.cwd())
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
