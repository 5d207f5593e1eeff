#!/usr/bin/env python3
"""One markdown table from the raw output of pages.sh runs (files with its tab-separated lines, later lines win,
so a re-run of a few pages replaces their figures):
  pages-table.py results/2026-12-07-pages-before-10k.txt [more.txt ...]
Columns per size and connection count: p50 / p95 ms (and requests/s); then peak RSS and load; then p95(1M)/p95(10k)."""
import sys

rows = {}
order = []
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 12 or f[1] not in ("1", "8"):
            continue
        key = (f[0], f[1], f[2])
        rows[key] = f
        if f[2] not in order:
            order.append(f[2])

sizes = [s for s in ("10k", "1m") if any(k[0] == s for k in rows)]
conns = ["1", "8"]


def cell(r):
    if r is None:
        return "—"
    if r[3].startswith("curl"):
        return f"**{r[5]} / {r[6]}** ({r[3]})"
    if r[3] == "-":
        return "slow (see c=1)"
    if r[3].isdigit() and int(r[3]) < 3:
        return f"**{r[3]} done** (each > the run at 8 at once)"
    note = " ⚠" if r[9] not in ("0", "-") else ""
    return f"{float(r[5]):.1f} / {float(r[6]):.1f} ({float(r[4]):.0f}/s){note}"


def num(r, i):
    try:
        return float(r[i])
    except (TypeError, ValueError, IndexError):
        return None


head = ["page"] + [f"{s} c={c}: p50 / p95 ms (req/s)" for s in sizes for c in conns]
head += [f"{s} peak RSS MB" for s in sizes] + [f"{s} load" for s in sizes]
if len(sizes) == 2:
    head += ["p95 1m ÷ 10k (c=8)"]
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
for label in order:
    cells = [label]
    for s in sizes:
        for c in conns:
            cells.append(cell(rows.get((s, c, label))))
    for s in sizes:
        peaks = [num(rows.get((s, c, label)), 11) for c in conns]
        peaks = [p for p in peaks if p]
        cells.append(f"{max(peaks):.0f}" if peaks else "—")
    for s in sizes:
        loads = [num(rows.get((s, c, label)), 10) for c in conns]
        loads = [l for l in loads if l]
        cells.append("–".join(f"{l:.0f}" for l in loads) if loads else "—")
    if len(sizes) == 2:
        a, b = num(rows.get(("10k", "8", label)), 6), num(rows.get(("1m", "8", label)), 6)
        if a is None or b is None:
            # slow pages: compare the curl timings (median) of the first run
            a = a or num(rows.get(("10k", "1", label)), 6)
            b = b or num(rows.get(("1m", "1", label)), 6)
        cells.append(f"{b / a:.1f}" if a and b else "—")
    print("| " + " | ".join(cells) + " |")
