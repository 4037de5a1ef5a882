"""What would raise each score, read off the same inputs the score used: deterministic, so
two scans of the same profiles advise the same things."""

ADVICE = {
    "commits": "Commit to public repositories regularly; small, steady work counts.",
    "merged_prs_elsewhere": "Send pull requests to projects you use: fixes merged into other "
    "people's repositories count most for activity and impact.",
    "issues": "Report bugs you meet in open-source projects, with steps to reproduce.",
    "reviews": "Review other people's pull requests in projects you know.",
    "recent_events": "Recent public activity shows you are active now; push your current work.",
    "answers": "Answer Stack Overflow questions in the tags you know best.",
    "stars": "Polish your best repository (README, screenshots, a release) so others star it.",
    "followers": "Share your projects where developers gather; followers follow good work.",
    "forks": "Make a repository others can build on: a clear licence and a usage example.",
    "reputation": "Well-explained answers to recent questions earn reputation fastest.",
    "accepted_answers": "Answer questions whose askers are still active, so answers get accepted.",
    "skills": "Tag repositories with topics (Settings → Topics) naming the technologies used.",
    "top_skill_evidence": "Build and publish a project in the skill you want to be known for.",
}
CHECKLIST_SCORES = ("visibility", "professional")
CURVE_SCORES = ("activity", "impact", "expertise")
MAX_PER_SCORE = 3


def _checklist_advice(score_name: str, score: dict) -> list[dict]:
    missing = [item for item in score["inputs"] if item["value"] is False]
    missing.sort(key=lambda item: -item["points"])
    return [
        {
            "score": score_name,
            "input": item["name"],
            "gain": item["points"],
            "text": f"Add: {item['label']} (+{item['points']} points of {score_name}).",
        }
        for item in missing[:MAX_PER_SCORE]
    ]


def _curve_advice(score_name: str, score: dict) -> list[dict]:
    # The inputs furthest below full marks, weighted, have the most room to grow.
    weak = [item for item in score["inputs"] if "points" in item and item["points"] < 75]
    weak.sort(key=lambda item: -(100 - item["points"]) * item["weight"])
    return [
        {
            "score": score_name,
            "input": item["name"],
            "gain": round((100 - item["points"]) * item["weight"] / 10, 1),
            "text": f"{ADVICE[item['name']]} ({item['label']}: {item['value']}, a typical "
            f"developer has {item['median']}.)",
        }
        for item in weak[:MAX_PER_SCORE]
    ]


def recommendations_for(scores: dict, sources: dict) -> list[dict]:
    """Advice per score, lowest scores first, and a note for each source not scanned."""
    advice = []
    for name in sorted(CHECKLIST_SCORES + CURVE_SCORES, key=lambda n: scores[n]["score"]):
        builder = _checklist_advice if name in CHECKLIST_SCORES else _curve_advice
        advice += builder(name, scores[name])
    if sources.get("stackoverflow", {}).get("status") == "skipped":
        advice.append(
            {
                "score": "visibility",
                "input": "stackoverflow",
                "gain": 20,
                "text": "Add your Stack Overflow profile link to your profile and scan again.",
            }
        )
    if sources.get("github", {}).get("status") == "skipped":
        advice.append(
            {
                "score": "visibility",
                "input": "github",
                "gain": 20,
                "text": "Add your GitHub profile link to your profile and scan again.",
            }
        )
    return advice
