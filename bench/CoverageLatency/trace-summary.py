#!/usr/bin/env python3
"""Where the wall screens' client CPU goes, from a trace written by `CoverageLatency run ... --trace=<file>`.

Usage: bench/CoverageLatency/trace-summary.py <trace.json> [changes]

Prints, per kind of thread (every renderer main thread together, compositors, raster workers, the
GPU/display compositor, ...), the thread CPU time of its top-level tasks, and for the renderer main
threads the time by timeline event (script, style, layout, paint, ...). With `changes`, also per change.
Times are thread CPU time (tdur) where the trace has it, wall time (dur) otherwise.
"""
import json
import sys
from collections import defaultdict

path = sys.argv[1]
changes = int(sys.argv[2]) if len(sys.argv) > 2 else 0
with open(path, encoding="utf-8") as f:
    events = json.load(f)["traceEvents"]

process_names, thread_names = {}, {}
for e in events:
    if e.get("ph") == "M" and e.get("name") == "process_name":
        process_names[e["pid"]] = e["args"]["name"]
    elif e.get("ph") == "M" and e.get("name") == "thread_name":
        thread_names[(e["pid"], e["tid"])] = e["args"]["name"]


def thread_kind(pid, tid):
    name = thread_names.get((pid, tid), "?")
    process = process_names.get(pid, "?")
    for prefix in ("CompositorTileWorker", "ThreadPoolForegroundWorker", "ThreadPoolBackgroundWorker"):
        if name.startswith(prefix):
            name = prefix
    return f"{process}: {name}"


def cost(e):
    return (e.get("tdur") if e.get("tdur") is not None else e.get("dur", 0)) / 1000.0


# Top-level tasks: complete events (ph X) that no other complete event on the same thread encloses.
by_thread = defaultdict(list)
for e in events:
    if e.get("ph") == "X" and "dur" in e:
        by_thread[(e["pid"], e["tid"])].append(e)

top = defaultdict(float)
main_by_event = defaultdict(float)
main_threads = 0
for key, items in by_thread.items():
    items.sort(key=lambda e: (e["ts"], -e["dur"]))
    end = -1
    kind = thread_kind(*key)
    is_main = thread_names.get(key) == "CrRendererMain"
    main_threads += is_main
    stack = []
    for e in items:
        if e["ts"] >= end:
            top[kind] += cost(e)
            end = e["ts"] + e["dur"]
        if is_main:
            # Self time by event name: a child's time is taken off its parent.
            while stack and e["ts"] >= stack[-1][0]["ts"] + stack[-1][0]["dur"]:
                stack.pop()
            own = cost(e)
            if stack:
                main_by_event[stack[-1][0]["name"]] -= own
            main_by_event[e["name"]] += own
            stack.append((e, own))

per = f" ms, per change (÷{changes})" if changes else " ms"
print(f"top-level task CPU by thread kind{per}")
for kind, ms in sorted(top.items(), key=lambda kv: -kv[1])[:25]:
    print(f"  {ms:10.1f}  {ms / changes if changes else 0:8.2f}  {kind}")
print(f"\nrenderer main threads ({main_threads}): self time by event{per}")
for name, ms in sorted(main_by_event.items(), key=lambda kv: -kv[1])[:30]:
    print(f"  {ms:10.1f}  {ms / changes if changes else 0:8.2f}  {name}")
