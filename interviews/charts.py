"""Server-drawn SVG charts (no script, no inline style): the practice score trend."""

WIDTH, HEIGHT, PAD = 600, 200, 24
MAX_SCORE = 10.0


def trend_chart(trend: list[dict]) -> dict | None:
    """Points of a polyline of session scores over 0-10, oldest left; None below two."""
    scores = [row for row in trend if row["average_score"] is not None]
    if len(scores) < 2:
        return None
    step = (WIDTH - 2 * PAD) / (len(scores) - 1)
    points = []
    for index, row in enumerate(scores):
        x = PAD + index * step
        y = HEIGHT - PAD - (row["average_score"] / MAX_SCORE) * (HEIGHT - 2 * PAD)
        points.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "score": row["average_score"],
                "at": row["completed_at"],
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "points": points,
        "gridlines": [
            {"y": round(HEIGHT - PAD - (value / MAX_SCORE) * (HEIGHT - 2 * PAD), 1), "label": value}
            for value in (0, 5, 10)
        ],
        "left": PAD,
        "right": WIDTH - PAD,
    }
