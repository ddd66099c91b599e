#!/usr/bin/python3
"""Writes reports/benchmarks/summary.md from the figure files (JSON lines) that ci/bench --summary collected in
reports/benchmarks/figures/*.jsonl: one table, each figure beside its anchor from the same run and the goal, as
ratios. A row whose figure no benchmark wrote says "not measured in this run". To add a row, add it to ROWS and
have a benchmark or test write a line {"id", "ours", "anchor", "anchorName", "unit", "note"} to $HIL_BENCH_FIGURES.
Usage: ci/summary.py FIGURES_DIR OUTPUT.md [LABEL]"""
import glob
import json
import os
import sys

# (id, figure, goal value, goal text, lower is better)
ROWS = [
    ("typing.tx115200", "Typing, share of the one-way TX limit at 115200 baud", 90, ">= 90 %", False),
    ("typing.tx9600", "Typing, share of the one-way TX limit at 9600 baud", 90, ">= 90 %", False),
    ("match.near.200x60", "Needle decision, near position, 200x60", 5, "<= 5 ms", True),
    ("match.near.400x300", "Needle decision, near position, 400x300", 8, "<= 8 ms", True),
    ("match.whole", "Needle decision, whole frame (worst of three sizes)", 15, "<= 15 ms", True),
    ("match.stream.fps", "10 needles on a 1080p30 MJPEG stream, frames analysed per second", 30, ">= 30 fps", False),
    ("match.stream.dropped", "10 needles on a 1080p30 MJPEG stream, dropped decisions (anchor: frames delivered)", 0, "0", True),
    ("mjpeg.alloc", "HTTP MJPEG, bytes allocated per frame (steady state)", 0, "0 B", True),
    ("mjpeg.latency.p95", "Capture-to-available latency p95 under load", 33, "< 33 ms", True),
    ("ocr.region.tesseract", "OCR region read (400x60 of 720x400), Tesseract path", 30, "<= 30 ms", True),
    ("ocr.region.console", "OCR region read (400x60 of 720x400), console reader", 30, "<= 30 ms", True),
    ("ocr.cer.console.clean", "CER, console corpus subset, clean", 0.5, "<= 0.5 %", True),
    ("ocr.cer.console.ms2109", "CER, console corpus subset, MS2109 model", 0.5, "<= 0.5 %", True),
    ("ocr.cer.graphical.clean", "CER, graphical corpus, clean", 2, "<= 2 %", True),
    ("ocr.cer.graphical.ms2109", "CER, graphical corpus, MS2109 model", 2, "<= 2 %", True),
    ("realism.encode.720x400", "MS2109 model cost per frame, 720x400 (JPEG 4:2:2)", None, "(cost, no goal)", True),
    ("realism.encode.1024x768", "MS2109 model cost per frame, 1024x768 -> 1920x1080", None, "(cost, no goal)", True),
]


def number(value):
    return "-" if value is None else (f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}")


def ratio(a, b):
    if a is None or b is None:
        return "-"
    if b == 0:
        return "0 (goal met)" if a == 0 else "inf"
    return f"{a / b:.2f}"


def main():
    folder, output = sys.argv[1], sys.argv[2]
    label = sys.argv[3] if len(sys.argv) > 3 else ""
    figures = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.jsonl"))):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    figure = json.loads(line)
                    figures[figure["id"]] = figure
    out = [f"# Benchmark summary{(' - ' + label) if label else ''}", "",
           "Ours beside its anchor measured in the same run, and the goal. Ratios are ours / anchor and ours / goal "
           "(for lower-is-better figures below 1 is better; for higher-is-better rows above 1 is better).", "",
           "| Figure | Ours | Anchor (same run) | Ours / anchor | Goal | Ours / goal | Note |",
           "|---|---:|---|---:|---|---:|---|"]
    for key, name, goal, goal_text, _ in ROWS:
        f = figures.pop(key, None)
        if f is None:
            out.append(f"| {name} | not measured in this run | | | {goal_text} | | |")
            continue
        unit = f.get("unit", "")
        anchor = "-" if f.get("anchor") is None else f"{number(f['anchor'])} {unit} ({f.get('anchorName', '')})"
        out.append(f"| {name} | {number(f['ours'])} {unit} | {anchor} | {ratio(f['ours'], f.get('anchor'))} | {goal_text} | "
                   f"{ratio(f['ours'], goal)} | {f.get('note', '')} |")
    for key, f in sorted(figures.items()):
        out.append(f"| {key} (no row in ci/summary.py) | {number(f['ours'])} {f.get('unit', '')} | {number(f.get('anchor'))} | "
                   f"{ratio(f['ours'], f.get('anchor'))} | | | {f.get('note', '')} |")
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    with open(output, "w", encoding="utf-8") as md:
        md.write("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
