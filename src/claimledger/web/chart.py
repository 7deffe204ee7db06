"""A figure group as a server-rendered SVG chart: one row per claim, its value as a dot or its
range as a bar, with the group's low/best/high as vertical lines. No JavaScript, no library.

Every string that comes from the ledger is escaped before it enters the SVG.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from ..records import number_text, value_text

WIDTH = 720
LABEL = 210  # left column for the claimant
RIGHT = 130  # right column for the value
ROW = 34
TOP = 34
BOTTOM = 30
LOWER_BOUNDS = {"at least", "more than", "over"}
UPPER_BOUNDS = {"up to", "fewer than", "less than", "under"}
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")


def number(value) -> str:
    """12000.0 -> '12,000'; 2.5 -> '2.5'; '?' when missing."""
    return number_text(value, "?")


class Scale:
    """Values to x positions: linear from 0, or logarithmic when the values span over two decades."""

    def __init__(self, values: list[float], left: float, right: float):
        positive = [v for v in values if v is not None and v > 0]
        self.left, self.right = left, right
        self.log = bool(positive) and max(positive) / min(positive) > 100
        if self.log:
            self.lo = math.floor(math.log10(min(positive)))
            self.hi = math.ceil(math.log10(max(positive)) + 0.05)
        else:
            self.lo = 0.0
            self.hi = max(positive, default=1.0) * 1.1 or 1.0

    def __call__(self, value: float | None) -> float:
        if value is None:
            return self.left
        if self.log:
            value = math.log10(value) if value > 0 else self.lo
        span = (self.hi - self.lo) or 1.0
        fraction = min(1.0, max(0.0, (value - self.lo) / span))
        return self.left + fraction * (self.right - self.left)

    def ticks(self) -> list[float]:
        if self.log:
            return [10.0 ** e for e in range(int(self.lo), int(self.hi) + 1)]
        step = _nice_step(self.hi / 4)
        return [i * step for i in range(0, int(self.hi // step) + 1)]


def _nice_step(rough: float) -> float:
    exponent = math.floor(math.log10(rough)) if rough > 0 else 0
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * 10 ** exponent
        if step >= rough:
            return step
    return 10 ** (exponent + 1)


def group_chart(group: dict) -> Markup:
    """The SVG of ``group`` (its ``figures``, each with low/high/qualifier/claimant)."""
    figures = [f for f in group.get("figures", []) if f.get("low") is not None]
    if not figures:
        return Markup("")
    values = [v for f in figures for v in (f.get("low"), f.get("high"))]
    values += [group.get(k) for k in ("low", "best", "high")]
    height = TOP + ROW * len(figures) + BOTTOM
    scale = Scale([v for v in values if v is not None], LABEL, WIDTH - RIGHT)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(_title(group))}</title>',
    ]
    axis_y = height - BOTTOM + 6
    for tick in scale.ticks():
        x = scale(tick)
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{axis_y - 6}"/>')
        parts.append(f'<text class="tick" x="{x:.1f}" y="{axis_y + 12}" text-anchor="middle">'
                     f'{escape(_short(tick))}</text>')
    marks: dict[float, list[str]] = {}  # equal estimates share one line and one label ("low = best")
    for name in ("low", "best", "high"):
        if group.get(name) is not None:
            marks.setdefault(group[name], []).append(name)
    for value, names in marks.items():
        x = scale(value)
        cls = "best" if "best" in names else names[0]
        parts.append(f'<line class="estimate {cls}" x1="{x:.1f}" y1="{TOP - 14}" x2="{x:.1f}" y2="{axis_y - 6}"/>')
        parts.append(f'<text class="estimate-label {cls}" x="{x:.1f}" y="{TOP - 18}" text-anchor="middle">'
                     f'{escape(" = ".join(names))}</text>')
    colours: dict[str, str] = {}
    for i, fig in enumerate(figures):
        y = TOP + ROW * i + ROW / 2
        claimant = fig.get("claimant") or "unattributed"
        colour = colours.setdefault(claimant, PALETTE[len(colours) % len(PALETTE)])
        low = fig.get("low")
        high = fig.get("high") if fig.get("high") is not None else low
        qualifier = (fig.get("qualifier") or "").lower()
        x1, x2 = scale(low), scale(high)
        label = f"{claimant}: {value_text(fig)}" + (f" ({fig['category']})" if fig.get("category") else "")
        parts.append(f'<g class="claim" data-claimant="{escape(claimant)}"><title>{escape(label)}</title>')
        parts.append(f'<text class="who" x="{LABEL - 10}" y="{y + 4:.1f}" text-anchor="end">'
                     f'{escape(_clip(claimant, 30))}</text>')
        if qualifier in LOWER_BOUNDS:
            parts.append(f'<line class="bound" x1="{x1:.1f}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
                         f'stroke="{colour}"/>')
        elif qualifier in UPPER_BOUNDS:
            parts.append(f'<line class="bound" x1="{LABEL}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}" '
                         f'stroke="{colour}"/>')
        if x2 - x1 >= 2:
            parts.append(f'<rect class="range" x="{x1:.1f}" y="{y - 6:.1f}" width="{x2 - x1:.1f}" height="12" '
                         f'rx="6" fill="{colour}"/>')
        else:
            parts.append(f'<circle class="point" cx="{x1:.1f}" cy="{y:.1f}" r="7" fill="{colour}"/>')
        parts.append(f'<text class="value" x="{WIDTH - RIGHT + 8}" y="{y + 4:.1f}">{escape(_clip(value_text(fig), 18))}'
                     f'</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _title(group: dict) -> str:
    what = group.get("subject") or group.get("category") or "figures"
    return f"Each claimant's value for {what}"


def _short(value: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
