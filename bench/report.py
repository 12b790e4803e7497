#!/usr/bin/env python3
"""Turns the name=value lines of bench/run (WORK/results.txt) into the Markdown tables of BENCHMARKS.md.

    python3 bench/report.py /tmp/tessera-bench/results.txt
"""
import re
import sys

values = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if "=" in line:
        k, v = line.rstrip("\n").split("=", 1)
        values.setdefault(k, v)

sizes = [int(s) for s in values.get("sizes", "").split(",") if s]


def g(key, default="–"):
    return values.get(key, default)


def num(key):
    try:
        return float(values[key])
    except (KeyError, ValueError):
        return None


def fmt(x, digits=0):
    if x is None:
        return "–"
    return f"{x:,.{digits}f}"


def human(n):
    return f"{n // 1000}k" if n < 1_000_000 else f"{n // 1_000_000}M"


print("### Growth with size\n")
print("| events | quads | convert wall | convert CPU (on the writer thread) | triples/s (wall) | heap in use at most | fits -Xmx1g | "
      "N-Triples baseline triples/s | convert / baseline | load wall | load quads/s | tdbloader wall | load / tdbloader | "
      "sorted load wall | packed load wall |")
print("|---:|---:|---:|---:|---:|---:|:-:|---:|---:|---:|---:|---:|---:|---:|---:|")


def seconds(key):
    return fmt(num(key), 1) + " s" if num(key) else "–"


for n in sizes:
    p = f"conv.{n}."
    fits = g(f"convert_fits_1g.{n}", "–")
    # The most heap in use at once (before a collection): what the convert needed, in -Xmx1g when it fits.
    used = num(p + "convert_heap_used_peak_mb")
    print("| " + " | ".join([
        human(n),
        fmt(num(p + "quads")),
        seconds(p + "convert_s"),
        seconds(p + "convert_cpu_s") + (f" ({seconds(p + 'convert_serial_cpu_s')})" if num(p + "convert_serial_cpu_s") else ""),
        fmt(num(p + "convert_triples_per_s")),
        fmt(used) + " MB" if used else "–",
        {"true": "yes", "false": "**no**"}.get(fits, fits),
        fmt(num(f"raw.{n}.raw_nt_triples_per_s")),
        g(f"convert_vs_raw_nt.{n}"),
        seconds(f"load.{n}.load_s"),
        fmt(num(f"load.{n}.load_quads_per_s")),
        seconds(f"tdbl.{n}.tdbloader_s"),
        g(f"load_vs_tdbloader.{n}"),
        seconds(f"loads.{n}.load_s"),
        seconds(f"loadp.{n}.load_s"),
    ]) + " |")

growth = [(k, v) for k, v in values.items() if k.startswith("convert_time_growth.")]
if growth:
    print("\nConvert time per event, each size against the one ten times smaller (1.0 = linear): "
          + ", ".join(f"{k.split('.', 1)[1].replace('_to_', ' → ')}: {v}" for k, v in growth) + ".")

queried = sorted({int(m.group(1)) for k in values for m in [re.match(r"q\.(\d+)\.query_p95_ms\.", k)] if m})
if queried:
    names = sorted({k.split(".", 3)[3] for k in values if re.match(r"q\.\d+\.query_p95_ms\.", k)})
    print("\n### Queries (in-process, after 2 warm-ups; milliseconds)\n")
    print("| query | " + " | ".join(f"{human(n)}: p50 / p95 (rows)" for n in queried) + " |")
    print("|---|" + "---:|" * len(queried))
    for name in names:
        cells = []
        for n in queried:
            cells.append(f"{g(f'q.{n}.query_p50_ms.{name}')} / {g(f'q.{n}.query_p95_ms.{name}')} ({g(f'q.{n}.query_rows.{name}')})")
        print(f"| {name} | " + " | ".join(cells) + " |")
    for n in queried:
        if f"q.{n}.query_picked" in values:
            print(f"\nParameters picked from the data at {human(n)} (Picks.java): `{values[f'q.{n}.query_picked']}`")
        if f"q.{n}.query_ordinary" in values:
            print(f"\nThe ordinary actor, place and group of the NAME@ordinary rows at {human(n)} (Picks.java): `{values[f'q.{n}.query_ordinary']}`")
    served = [n for n in queried if f"qs.{n}.query_p95_ms_max" in values]
    if served:
        print("\n### Queries as the server runs them (capped at 10,000 rows; in-process, milliseconds)\n")
        print("| query | " + " | ".join(f"{human(n)}: p50 / p95 (rows)" for n in served) + " |")
        print("|---|" + "---:|" * len(served))
        for name in names:
            if "@" in name:
                continue
            cells = [f"{g(f'qs.{n}.query_p50_ms.{name}')} / {g(f'qs.{n}.query_p95_ms.{name}')} ({g(f'qs.{n}.query_rows.{name}')})" for n in served]
            print(f"| {name} | " + " | ".join(cells) + " |")
    print("\n### Over HTTP on loopback (the same queries, round robin, fixed time per client count)\n")
    print("| events | clients | requests/s | p50 ms | p99 ms | errors |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in queried:
        for c in (1, 4, 16):
            print(f"| {human(n)} | {c} | {g(f'http.{n}.http_rps_c{c}')} | {g(f'http.{n}.http_p50_ms_c{c}')} | "
                  f"{g(f'http.{n}.http_p99_ms_c{c}')} | {g(f'http.{n}.http_errors_c{c}')} |")

print("\n### Headline values\n")
print("```")
for k in ["convert_vs_raw_nt", "convert_vs_raw_nt_at_events", "convert_vs_rmlmapper", "load_vs_tdbloader",
          "load_vs_tdbloader_at_events", "load_sorted_vs_tdbloader", "load_packed_vs_tdbloader", "load_packed_db_vs_phased", "convert_heap_mb", "convert_heap_mb_at_events",
          "convert_fits_1g_at_1M", "query_p95_ms_max", "query_events", "http_rps_c1", "http_p99_ms_c1", "http_rps_c4",
          "http_p99_ms_c4", "http_rps_c16", "http_p99_ms_c16", "serve_cold_first_answer_s"]:
    if k in values:
        print(f"{k}={values[k]}")
print("```")
