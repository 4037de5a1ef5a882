"""The privacy report of a scan: what the public profiles show anyone, with advice.

Deterministic: each field a profile exposes is listed with how much it reveals and what to
do about it, so a candidate decides what to keep public.
"""

HIGH, MEDIUM, LOW = "high", "medium", "low"
RISK_LEVELS = (HIGH, MEDIUM, LOW, "none")

# (field, label, risk, advice when exposed)
GITHUB_FIELDS = (
    (
        "email",
        "Email address",
        HIGH,
        "A public email invites spam and scraping. GitHub → Settings → Emails: keep it private and "
        "use the noreply address for commits; recruiters can reach you through Hirewise.",
    ),
    (
        "location",
        "Location",
        MEDIUM,
        "A city is enough for recruiters; drop a street or a small town that identifies you.",
    ),
    (
        "company",
        "Employer",
        MEDIUM,
        "Your current employer can see that you are looking. Remove it while you search quietly.",
    ),
    (
        "hireable",
        "Available for hire",
        LOW,
        "Tells everyone, your employer included, that you are open to offers.",
    ),
    (
        "name",
        "Real name",
        LOW,
        "Your name links this profile to your resume, which helps recruiters; remove it only "
        "if you want the profile to stay separate.",
    ),
    (
        "blog",
        "Website",
        LOW,
        "Check that the site it points to shows nothing you would not tell a recruiter.",
    ),
    (
        "twitter_username",
        "Social media handle",
        LOW,
        "Recruiters will read that account too; keep it professional or unlink it.",
    ),
)
STACKOVERFLOW_FIELDS = (
    (
        "location",
        "Location",
        MEDIUM,
        "A city is enough; Stack Overflow shows it on every answer's profile card.",
    ),
    (
        "website_url",
        "Website",
        LOW,
        "Check that the site it points to shows nothing you would not tell a recruiter.",
    ),
    (
        "display_name",
        "Display name",
        LOW,
        "A real name links your answers to your resume; a pseudonym keeps them apart.",
    ),
)


def _item(source: str, field: str, label: str, risk: str, advice: str, value) -> dict:
    exposed = bool(value)
    return {
        "source": source,
        "field": field,
        "label": label,
        "exposed": exposed,
        "value": value if exposed and not isinstance(value, bool) else None,
        "risk": risk if exposed else "none",
        "advice": advice if exposed else "Not shown publicly.",
    }


def privacy_report(github: dict | None, stack: dict | None) -> dict:
    """{"items": [...], "exposed": n, "highest_risk": "high" | "medium" | "low" | "none"}."""
    items = []
    if github is not None:
        profile = github["profile"]
        items += [_item("github", *spec, profile.get(spec[0])) for spec in GITHUB_FIELDS]
    if stack is not None:
        user = stack["user"]
        items += [_item("stackoverflow", *spec, user.get(spec[0])) for spec in STACKOVERFLOW_FIELDS]
    exposed = [item for item in items if item["exposed"]]
    order = (HIGH, MEDIUM, LOW)
    highest = next((risk for risk in order if any(i["risk"] == risk for i in exposed)), "none")
    return {"items": items, "exposed": len(exposed), "highest_risk": highest}
