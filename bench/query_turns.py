"""Summarizes bench/query-turns' lines: per query, each turn's medians, B over A, and the work of each side.

Lines are `SIDE.TURN NAME RUN MS rows=N reads=N lookups=N`; the first run of each turn
is the warm-up and is left out. Exits 1 when A and B gave different rows for a query.
"""
import collections
import statistics
import sys


def main(path):
    times = collections.defaultdict(list)
    work = {}
    for line in open(path):
        fields = line.split()
        if len(fields) != 7:
            continue
        side, turn = fields[0].split('.')
        name, run, ms = fields[1], int(fields[2]), float(fields[3])
        if run >= 1:
            times[(name, side, turn)].append(ms)
        work[(name, side)] = dict(f.split('=') for f in fields[4:])
    names = sorted({key[0] for key in times})
    turns = sorted({key[2] for key in times}, key=int)
    differ = False
    for name in names:
        cells = []
        for turn in turns:
            a, b = times.get((name, 'A', turn)), times.get((name, 'B', turn))
            if a and b:
                ma, mb = statistics.median(a), statistics.median(b)
                cells.append(f"{ma:.1f}/{mb:.1f}={mb / ma:.2f}")
        wa, wb = work.get((name, 'A'), {}), work.get((name, 'B'), {})
        if wa.get('rows') != wb.get('rows'):
            differ = True
        print(f"{name}: turns A/B ms {' '.join(cells)}; rows {wa.get('rows')}/{wb.get('rows')}"
              f" reads {wa.get('reads')}/{wb.get('reads')} lookups {wa.get('lookups')}/{wb.get('lookups')}")
    if differ:
        print("query-turns: A and B gave different rows", file=sys.stderr)
    return 1 if differ else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
