#!/usr/bin/env python3
"""runtime.py N CMD [ARG...]: the median wall time of N runs of CMD, in
milliseconds with one decimal (output thrown away).  Timed around the child
alone, without a shell or date(1) in between."""
import statistics
import subprocess
import sys
import time


def main():
    runs = int(sys.argv[1])
    cmd = sys.argv[2:]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - t0) * 1000)
    print(f"{statistics.median(times):.1f}")


if __name__ == "__main__":
    main()
