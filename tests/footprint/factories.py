import factory
from django.utils import timezone

from footprint.models import FootprintScan, ScanStatus
from footprint.scoring import SCORE_FIELDS
from tests.accounts.factories import CandidateFactory


def _scores(level: int) -> dict:
    return {
        name: {
            "score": level,
            "formula": f"{name} = ...",
            "inputs": [{"name": "stars", "label": "Stars", "source": "github", "value": level}],
            "not_visible": [],
        }
        for name in SCORE_FIELDS
    }


class ScanFactory(factory.django.DjangoModelFactory):
    """A completed scan whose every score is `level`."""

    class Meta:
        model = FootprintScan

    class Params:
        level = 50

    owner = factory.SubFactory(CandidateFactory)
    github_username = "ada"
    status = ScanStatus.COMPLETED
    progress = 100
    current_step = "Scan complete"
    sources = factory.LazyFunction(
        lambda: {"github": {"status": "ok", "calls": 9, "cached": False}}
    )
    scores = factory.LazyAttribute(lambda o: _scores(o.level))
    skills = factory.LazyFunction(
        lambda: [
            {
                "name": "Python",
                "category": "languages",
                "repos": 2,
                "topics": 0,
                "answers": 0,
                "answer_score": 0,
                "evidence": 2.0,
            },
            {
                "name": "Django",
                "category": "frameworks",
                "repos": 0,
                "topics": 1,
                "answers": 0,
                "answer_score": 0,
                "evidence": 1.0,
            },
        ]
    )
    recommendations = factory.LazyFunction(
        lambda: [
            {
                "score": "impact",
                "input": "stars",
                "gain": 5.0,
                "text": "Polish your best repository.",
            }
        ]
    )
    privacy_report = factory.LazyFunction(
        lambda: {"items": [], "exposed": 0, "highest_risk": "none"}
    )
    visibility_score = factory.SelfAttribute("level")
    activity_score = factory.SelfAttribute("level")
    impact_score = factory.SelfAttribute("level")
    expertise_score = factory.SelfAttribute("level")
    professional_score = factory.SelfAttribute("level")
    overall_score = factory.SelfAttribute("level")
    completed_at = factory.LazyFunction(timezone.now)
