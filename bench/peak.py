"""Run a Python module as `python -m` does, and write the peak RSS of its largest process at exit.

    python bench/peak.py OUT_FILE mkdocs build -f mkdocs.yml …

OUT_FILE gets, in KiB, the larger of this process's peak (`VmHWM` of /proc/self/status) and the
largest peak of the processes it forked and waited for (`ru_maxrss` of `RUSAGE_CHILDREN`: the
build's workers, whose resident set counts the pages they share with this process, as `ps`
shows them). Why not the parent's `os.wait4` rusage: Linux carries `ru_maxrss` across `exec`
(a vfork-ed child even starts on the parent's memory map), so a build spawned by a benchmark
process that has grown to 300 MB reports at least 300 MB. `VmHWM` is the high-water mark of this
process's own memory map, which `exec` started afresh; the wrapper itself adds a few hundred KiB.
What all the processes hold together is measured by the benchmark itself (`measure.TreeMemory`).
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys
from pathlib import Path


def _write_peak(out: Path) -> None:
    # ru_maxrss is in KiB on Linux, like VmHWM.
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            out.write_text(str(max(int(line.split()[1]), workers)), encoding="utf-8")
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
