"""Two-column pages: find the gutter between PDFium's text rectangles and order the boxes.

A gutter is a vertical line, away from the page edges, that no text rectangle crosses over
most of the text's height, with enough text on both sides. Rectangles above and below that
stretch (a full-width name header, a footer) are read first and last, at full width.
"""

from dataclasses import dataclass

import numpy as np

Rect = tuple[float, float, float, float]  # left, bottom, right, top in PDF points (y up)

MIN_RECTS = 6
EDGE_SHARE = 0.15  # a gutter lies at least this share of the text width from either edge
MIN_SPAN_SHARE = 0.6  # share of the text height the gutter runs without being crossed
MIN_SIDE_SHARE = 0.05  # share of the columns' text (by rectangle area) each side must hold
MIN_SIDE_LINES = 3  # text rectangles each side must hold (a sidebar is thin but has lines)
MIN_GUTTER_WIDTH = 6.0  # points; wider than a word space at resume font sizes
MAX_CANDIDATES = 8
PADDING = 2.0  # points around the text so that boxes never clip a glyph at the edge


@dataclass(frozen=True)
class ColumnLayout:
    """Where the columns are: the gutter's x and the heights between which they run."""

    gutter: float
    body_bottom: float
    body_top: float
    extent: Rect

    def boxes(self) -> list[Rect]:
        """Boxes in reading order: full-width top, left column, right column, full-width bottom."""
        left, bottom, right, top = self.extent
        return [
            (left, self.body_top, right, top),
            (left, self.body_bottom, self.gutter, self.body_top),
            (self.gutter, self.body_bottom, right, self.body_top),
            (left, bottom, right, self.body_bottom),
        ]


def find_columns(rects: list[Rect]) -> ColumnLayout | None:
    """The two-column layout of a page's text rectangles, or None for a one-column page."""
    if len(rects) < MIN_RECTS:
        return None
    box = np.asarray(rects, dtype=float)
    left, bottom, right, top = box[:, 0].min(), box[:, 1].min(), box[:, 2].max(), box[:, 3].max()
    width, height = right - left, top - bottom
    if width <= 0 or height <= 0:
        return None
    xs = np.concatenate([box[:, 2] + 1.0, box[:, 0] - 1.0])
    inner = (xs > left + EDGE_SHARE * width) & (xs < right - EDGE_SHARE * width)
    xs = np.unique(np.round(xs[inner]))
    if xs.size == 0:
        return None
    span_bottom, span_top = _free_spans(box, xs, (bottom + top) / 2, bottom, top)
    valid = np.flatnonzero(span_top - span_bottom >= MIN_SPAN_SHARE * height)
    # Longest uncrossed stretch first; a stable sort keeps the leftmost of equals first.
    ranked = valid[np.argsort(span_bottom[valid] - span_top[valid], kind="stable")]
    extent = (left - PADDING, bottom - PADDING, right + PADDING, top + PADDING)
    for index in ranked[:MAX_CANDIDATES]:
        layout = _layout_at(box, xs[index], span_bottom[index], span_top[index], extent)
        if layout is not None:
            return layout
    return None


def _free_spans(box, xs, middle, bottom, top):
    """For each x, the vertical stretch around mid-height that no rectangle crosses.

    A valid stretch must contain the middle because it covers more than half the text
    height; an x crossed at mid-height gets an empty stretch.
    """
    lefts, bottoms, rights, tops = (box[:, i][None, :] for i in range(4))
    crossing = (lefts < xs[:, None]) & (rights > xs[:, None])
    at_middle = (crossing & (bottoms <= middle) & (tops >= middle)).any(axis=1)
    span_bottom = np.where(crossing & (tops < middle), tops, bottom).max(axis=1)
    span_top = np.where(crossing & (bottoms > middle), bottoms, top).min(axis=1)
    return span_bottom, np.where(at_middle, span_bottom, span_top)


def _layout_at(box, x, span_bottom, span_top, extent) -> ColumnLayout | None:
    lefts, bottoms, rights, tops = box.T
    inside = (bottoms >= span_bottom) & (tops <= span_top)
    on_left, on_right = inside & (rights <= x), inside & (lefts >= x)
    area = (rights - lefts) * (tops - bottoms)
    total = area[inside].sum()
    if min(on_left.sum(), on_right.sum()) < MIN_SIDE_LINES or total <= 0:
        return None
    if min(area[on_left].sum(), area[on_right].sum()) < MIN_SIDE_SHARE * total:
        return None
    gap_left, gap_right = rights[on_left].max(), lefts[on_right].min()
    if gap_right - gap_left < MIN_GUTTER_WIDTH:
        return None
    return ColumnLayout(
        gutter=float(gap_left + gap_right) / 2,
        body_bottom=_cut_below(box, span_bottom),
        body_top=_cut_above(box, span_top),
        extent=extent,
    )


def _cut_above(box, y: float) -> float:
    """A height at or below `y` that falls between text lines (no rectangle is cut in two)."""
    bottoms, tops = box[:, 1], box[:, 3]
    while (straddling := (bottoms < y) & (tops > y)).any():
        y = bottoms[straddling].min()
    below = tops[tops <= y]
    return float(y + below.max()) / 2 if below.size else float(y)


def _cut_below(box, y: float) -> float:
    """A height at or above `y` that falls between text lines (no rectangle is cut in two)."""
    bottoms, tops = box[:, 1], box[:, 3]
    while (straddling := (bottoms < y) & (tops > y)).any():
        y = tops[straddling].max()
    above = bottoms[bottoms >= y]
    return float(y + above.min()) / 2 if above.size else float(y)
