#!/usr/bin/python3
"""python3-opencv baseline for the needle-matching benchmark (run with Debian's /usr/bin/python3).

Times only cv2.matchTemplate(TM_CCOEFF_NORMED) on a grey 1920x1080 frame with a template cut from it.

  loop mode:   matchtemplate_baseline.py FRAME X,Y,W,H [X,Y,W,H ...] --loop N
               prints one line per template: "WxH median_ms min_ms" (per call, perf_counter around the call only)
  server mode: matchtemplate_baseline.py FRAME X,Y,W,H --serve
               prints "ready", then for every input line runs one matchTemplate + minMaxLoc and prints "x y score";
               the benchmark host times the round trip (pipe overhead is tens of microseconds).
"""
import statistics
import sys
import time

import cv2


def templates(grey, regions):
    result = []
    for region in regions:
        x, y, w, h = (int(v) for v in region.split(","))
        result.append(((w, h), grey[y:y + h, x:x + w].copy()))
    return result


def main(argv):
    frame = cv2.imread(argv[1], cv2.IMREAD_COLOR)
    if frame is None:
        sys.exit(f"cannot read '{argv[1]}'")
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    regions = [a for a in argv[2:] if "," in a]
    if "--serve" in argv:
        (_, template), = templates(grey, regions[:1])
        print("ready", flush=True)
        for _ in sys.stdin:
            scores = cv2.matchTemplate(grey, template, cv2.TM_CCOEFF_NORMED)
            _, best, _, at = cv2.minMaxLoc(scores)
            print(f"{at[0]} {at[1]} {best:.4f}", flush=True)
        return
    loops = int(argv[argv.index("--loop") + 1]) if "--loop" in argv else 20
    for (w, h), template in templates(grey, regions):
        times = []
        for _ in range(loops):
            start = time.perf_counter()
            cv2.matchTemplate(grey, template, cv2.TM_CCOEFF_NORMED)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{w}x{h} {statistics.median(times):.2f} {min(times):.2f}")


if __name__ == "__main__":
    main(sys.argv)
