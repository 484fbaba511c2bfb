#!/usr/bin/env python3
"""runtime.py [--rss] N CMD [ARG...]: the median wall time of N runs of CMD,
in milliseconds with one decimal (output thrown away).  Timed around the
child alone, without a shell or date(1) in between.  With --rss, also the
peak resident memory of the runs in MB."""
import resource
import statistics
import subprocess
import sys
import time


def main():
    args = sys.argv[1:]
    rss = args[0] == "--rss"
    if rss:
        args = args[1:]
    runs = int(args[0])
    cmd = args[1:]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - t0) * 1000)
    line = f"{statistics.median(times):.1f}"
    if rss:  # ru_maxrss is in KB on Linux
        line += f" {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.1f}"
    print(line)


if __name__ == "__main__":
    main()
