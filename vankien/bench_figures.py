"""How the figure parser's time grows with one long target: `python -m vankien.bench_figures`.

Prints the time to read 100 KB and 400 KB of target words on one line, and their ratio (about 4
when the work is linear, about 16 when quadratic). A figure, not a test: see tests/test_figures.py
for the work-counting check.
"""

from __future__ import annotations

import time

from vankien import numbers

CHUNK = "Phấn đấu có ít nhất 05 đoàn viên ưu tú được kết nạp Đảng, tặng 30–40 suất quà, trồng 1.000 cây xanh; "


def seconds(size: int) -> float:
    """Best of three: seconds to parse `size` characters of target words on one line."""
    text = (CHUNK * (size // len(CHUNK) + 1))[:size]
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        numbers.parse(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    small, large = seconds(100_000), seconds(400_000)
    print(f"100 KB: {small:.3f} s, 400 KB: {large:.3f} s, ratio {large / small:.1f} (linear ≈ 4, quadratic ≈ 16)")


if __name__ == "__main__":
    main()
