"""What the resume pages show, shaped for templates: the profile, chart geometry, links."""

import math

from ai.skills import CATEGORY_LABELS

GAUGE_RADIUS = 52
SCORE_BANDS = ((75, "good"), (50, "fair"), (0, "poor"))


def profile(profile: dict | None) -> dict | None:
    """The parsed profile with skills grouped under their labels and links made absolute."""
    if not profile:
        return None
    links = (profile.get("personal_info") or {}).get("links") or {}
    return {
        **profile,
        "skill_groups": skill_groups(profile.get("skills") or {}),
        "link_list": [
            {"label": label.title(), "url": absolute_url(url)}
            for label, url in links.items()
            if url
        ],
    }


def skill_groups(skills: dict[str, list[str]]) -> list[dict]:
    most = max((len(names) for names in skills.values()), default=0)
    return [
        {
            "label": CATEGORY_LABELS.get(key, key.replace("_", " ").title()),
            "names": names,
            "count": len(names),
            "max": most,
        }
        for key, names in skills.items()
        if names
    ]


def absolute_url(url: str) -> str:
    """Links read from a resume often lack a scheme; never let one become `javascript:`."""
    return url if url.lower().startswith(("https://", "http://")) else f"https://{url}"


def report(result: dict) -> dict:
    """What the charts need beyond the result itself, computed here rather than in markup."""
    ats = result["ats_score"]
    match = result.get("skill_match_analysis")
    return {
        "gauge": gauge(ats["overall"]),
        "breakdown": [
            {
                "label": key.title(),
                "value": value,
                "weight": round(ats.get("weights", {}).get(key, 0) * 100),
            }
            for key, value in ats["breakdown"].items()
        ],
        "sections": [
            {"label": key.title(), "value": value}
            for key, value in result.get("section_scores", {}).items()
        ],
        "skill_groups": skill_groups(result.get("profile", {}).get("skills") or {}),
        "match_gauge": gauge(match["match_percentage"]) if match else None,
        "required_matched": required_matched(match) if match else None,
        "fixes": fixes(ats),
    }


def fixes(ats: dict) -> list[dict]:
    """One list of what to change, in plain words, the biggest gain in overall points first.

    A deduction of `points` in a category weighing w % costs the overall score points * w %;
    fixing it wins them back. Deductions with the same advice are one fix. Results stored
    before deductions carried their advice show the finding instead.
    """
    weights = ats.get("weights") or {}
    merged: dict[str, dict] = {}
    for deduction in ats.get("deductions") or ():
        text = deduction.get("advice") or deduction["detail"]
        fix = merged.setdefault(text, {"text": text, "found": [], "gain": 0.0})
        fix["found"].append(deduction["detail"])
        fix["gain"] += deduction["points"] * weights.get(deduction["category"], 0)
    ordered = sorted(merged.values(), key=lambda fix: -fix["gain"])
    return [{**fix, "gain_words": _points_words(fix["gain"])} for fix in ordered]


def _points_words(gain: float) -> str:
    if gain < 0.5:
        return "under 1 point"
    points = math.floor(gain + 0.5)
    return "1 point" if points == 1 else f"{points} points"


def required_matched(match: dict) -> int:
    """Required skills the resume has (`matched_skills` also lists the preferred ones)."""
    return match["total_required_skills"] - len(match["missing_required_skills"])


def gauge(score: float) -> dict:
    """An SVG ring: `stroke-dasharray` draws `score` % of the circle (attributes, not CSS)."""
    circumference = 2 * math.pi * GAUGE_RADIUS
    bounded = min(max(score, 0), 100)
    return {
        "score": score,
        "radius": GAUGE_RADIUS,
        "dasharray": f"{circumference * bounded / 100:.2f} {circumference:.2f}",
        "band": next(band for floor, band in SCORE_BANDS if bounded >= floor),
    }
