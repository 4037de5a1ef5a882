"""Shapes for the footprint pages: the score chart as SVG coordinates (no script, no CDN)."""

from footprint.scoring import SCORE_FIELDS

CHART_WIDTH = 360
LABEL_WIDTH = 96
VALUE_WIDTH = 40
ROW_HEIGHT = 28
BAR_HEIGHT = 16


def _band(score: int) -> str:
    return "high" if score >= 75 else "medium" if score >= 50 else "low"


def score_chart(scores: dict, previous: dict | None = None) -> dict:
    """Horizontal bars, one per score; with `previous`, a thin bar for the earlier scan."""
    span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    rows = []
    for index, name in enumerate(SCORE_FIELDS):
        value = scores[name]["score"]
        row = {
            "label": name.capitalize(),
            "value": value,
            "band": _band(value),
            "y": index * ROW_HEIGHT + 6,
            "text_y": index * ROW_HEIGHT + 6 + BAR_HEIGHT / 2,
            "width": round(span * value / 100, 1),
        }
        if previous is not None:
            before = previous[name]["score"]
            row["before"] = before
            row["before_width"] = round(span * before / 100, 1)
            row["before_y"] = row["y"] + BAR_HEIGHT + 1
        rows.append(row)
    return {
        "width": CHART_WIDTH,
        "height": len(rows) * ROW_HEIGHT + 8,
        "label_x": LABEL_WIDTH - 8,
        "bar_x": LABEL_WIDTH,
        "track_width": span,
        "value_x": CHART_WIDTH - VALUE_WIDTH + 6,
        "bar_height": BAR_HEIGHT,
        "rows": rows,
    }


def score_cards(scores: dict) -> list[dict]:
    """Each score with its formula and inputs, in the order of SCORE_FIELDS."""
    return [
        {"name": name, **scores[name], "band": _band(scores[name]["score"])}
        for name in SCORE_FIELDS
    ]
