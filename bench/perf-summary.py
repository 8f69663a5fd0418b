#!/usr/bin/env python3
"""Where the server's CPU went, from a `bench/circuits.sh --perf=FILE` recording.

Usage:
  bench/perf-summary.py FILE                 the work items that used the CPU, and the busiest methods
  bench/perf-summary.py FILE 'WallScreen::Show(' [DEPTH]
                                             what the samples under one method were doing, DEPTH calls down

Runs `perf script` (the JIT's method names come from /tmp/perf-PID.map, written by the run). Shares are
of all the samples of the app process; framework code precompiled (ReadyToRun) shows as '?' unless the
run used --no-tiering, which turns ReadyToRun off.
"""
import collections
import re
import subprocess
import sys


def frames(perf_file):
    """Yields each sample's stack, leaf first, as method names."""
    script = subprocess.run(["perf", "script", "-i", perf_file], capture_output=True, text=True, check=True).stdout
    stack = []
    for line in script.splitlines():
        if not line.strip():
            if stack:
                yield stack
            stack = []
            continue
        if line[0] in "\t ":
            parts = line.strip().split(" ", 1)
            stack.append(name(parts[1] if len(parts) > 1 else parts[0]))
    if stack:
        yield stack


def name(symbol):
    symbol = re.sub(r" \(/[^)]*\)$", "", symbol)
    symbol = re.sub(r"\[[A-Za-z0-9.]+\] ", "", symbol)
    symbol = re.sub(r"\(.*", "", symbol)
    symbol = re.sub(r"\+0x[0-9a-f]+$", "", symbol)
    if symbol == "[unknown]":
        return "?"
    return symbol.split(" ")[-1][:140]


def share(count, total):
    return f"{count:7d} {100 * count / max(total, 1):5.1f} %"


def top(title, counter, total, n):
    """Prints a titled list of the n biggest counts, each with its share of all the samples."""
    print(f"-- {title}")
    for key, count in counter.most_common(n):
        print(share(count, total), key)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    stacks = list(frames(sys.argv[1]))
    total = len(stacks)
    if len(sys.argv) >= 3:
        target, depth = sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1
        below = collections.Counter()
        leaves = collections.Counter()
        hits = 0
        for stack in stacks:
            for i, frame in enumerate(stack):
                if target in frame:
                    hits += 1
                    below[" > ".join(reversed(stack[max(0, i - depth):i])) or "(itself)"] += 1
                    leaves[stack[0]] += 1
                    break
        print(f"{total} samples; under {target}: {share(hits, total)}")
        top("calls below it", below, total, 25)
        top("leaves", leaves, total, 15)
        return
    items = collections.Counter()
    inclusive = collections.Counter()
    for stack in stacks:
        root = "(no thread-pool dispatch frame: not a work item, or ReadyToRun code — record with --no-tiering)"
        for i, frame in enumerate(stack):
            if "ThreadPoolWorkQueue::Dispatch" in frame:
                root = stack[i - 1] if i > 0 else frame
                break
        items[root] += 1
        for frame in set(stack):
            if frame.startswith(("HallOps.", "Microsoft.AspNetCore.", "Microsoft.EntityFrameworkCore.", "MudBlazor.")):
                inclusive[frame] += 1
    print(f"{total} samples")
    top("work items (thread-pool dispatch roots)", items, total, 15)
    top("busiest methods (inclusive: the method and everything it called)", inclusive, total, 40)


if __name__ == "__main__":
    main()
