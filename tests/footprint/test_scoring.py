"""Scores on constructed profiles: bounds, monotonic in every input, forks and thin
repositories excluded, each score with its formula and inputs."""

import pytest

from footprint.scoring import curve, score_footprint
from tests.footprint.fakes import repo


def github_data(
    *,
    repos=None,
    commits_by_repo=None,
    commits_total=100,
    followers=5,
    merged=2,
    issues=3,
    reviews=1,
    events=10,
    token=False,
    **profile,
):
    repos = repos if repos is not None else [repo("engine", stars=10)]
    return {
        "profile": {"login": "ada", "followers": followers, **profile},
        "repos": [_raw(item) for item in repos],
        "orgs": [],
        "merged_prs_elsewhere": {"total": merged, "repos": []},
        "issues": issues,
        "reviews": reviews,
        "commits": {
            "total": commits_total,
            "sampled": min(commits_total, 100),
            "by_repo": commits_by_repo if commits_by_repo is not None else {"ada/engine": 50},
        },
        "events": {"last_90_days": events, "by_type": {}},
        "token": token,
        "gaps": [],
    }


def _raw(item: dict) -> dict:
    return {
        "full_name": item["full_name"],
        "name": item["name"],
        "fork": item["fork"],
        "stars": item["stargazers_count"],
        "forks": item["forks_count"],
        "language": item["language"] or "",
        "topics": item["topics"],
        "description": bool(item["description"]),
        "license": bool(item["license"]),
        "archived": False,
        "size": item["size"],
    }


def stack_data(*, reputation=500, answers=20, accepted=5, tags=()):
    return {
        "user": {"reputation": reputation, "badge_counts": {}, "website_url": ""},
        "top_tags": [
            {
                "tag_name": name,
                "answer_count": count,
                "answer_score": 0,
                "question_count": 0,
                "question_score": 0,
            }
            for name, count in tags
        ],
        "answers_total": answers,
        "answers_sampled": answers,
        "accepted_sampled": accepted,
        "answer_score_sampled": 0,
        "answers_complete": True,
        "gaps": [],
    }


def scores(github=None, stack=None) -> dict:
    return score_footprint(github, stack)["scores"]


def test_the_curve_gives_half_marks_at_the_median():
    assert curve(0, 10) == 0
    assert curve(10, 10) == pytest.approx(0.5)
    assert curve(30, 10) == pytest.approx(0.875)


def test_every_score_is_between_0_and_100_with_a_formula_and_inputs():
    for github, stack in [
        (None, stack_data()),
        (github_data(), None),
        (github_data(), stack_data()),
        (
            github_data(
                repos=[], commits_total=0, followers=0, merged=0, issues=0, reviews=0, events=0
            ),
            stack_data(reputation=1, answers=0, accepted=0),
        ),
    ]:
        for name, score in scores(github, stack).items():
            assert 0 <= score["score"] <= 100, name
            assert score["formula"].startswith(name)
            assert score["inputs"], name


def test_a_huge_profile_stays_below_or_at_100():
    huge = github_data(
        repos=[repo(f"r{n}", stars=10_000, forks=900) for n in range(50)],
        commits_total=10**6,
        followers=10**5,
        merged=10**4,
        issues=10**4,
        reviews=10**4,
        events=300,
        commits_by_repo={f"ada/r{n}": 100 for n in range(50)},
    )
    result = scores(huge, stack_data(reputation=10**6, answers=10**4, accepted=10**4))
    assert result["activity"]["score"] == 100 and result["impact"]["score"] == 100


@pytest.mark.parametrize(
    ("score", "more"),
    [
        ("activity", {"commits_total": 1000}),
        ("activity", {"merged": 20}),
        ("activity", {"reviews": 30}),
        ("impact", {"followers": 200}),
        ("impact", {"repos": [repo("engine", stars=400)]}),
    ],
)
def test_more_of_an_input_never_lowers_its_score(score, more):
    assert scores(github_data(**more))[score]["score"] > scores(github_data())[score]["score"]


def test_stack_overflow_inputs_raise_impact_monotonically():
    low = scores(None, stack_data(reputation=100, accepted=1))["impact"]["score"]
    high = scores(None, stack_data(reputation=5000, accepted=30))["impact"]["score"]
    assert high > low


def test_a_fork_nobody_forked_does_not_count_its_stars():
    forked = repo("cpython", stars=500, fork=True, forks=0)
    with_fork = scores(
        github_data(
            repos=[repo("engine", stars=10), forked],
            commits_by_repo={"ada/engine": 50, "ada/cpython": 50},
        )
    )
    without = scores(github_data())
    assert with_fork["impact"]["score"] == without["impact"]["score"]
    stars = next(i for i in with_fork["impact"]["inputs"] if i["name"] == "stars")
    assert stars["value"] == 10
    excluded = next(i for i in with_fork["impact"]["inputs"] if i["name"] == "excluded_repos")
    assert excluded["value"] == 1


def test_a_repository_with_few_of_the_users_commits_does_not_count():
    thin = repo("borrowed", stars=300)
    result = scores(
        github_data(
            repos=[repo("engine", stars=10), thin],
            commits_by_repo={"ada/engine": 50, "ada/borrowed": 1},
            commits_total=51,
        )
    )
    stars = next(i for i in result["impact"]["inputs"] if i["name"] == "stars")
    assert stars["value"] == 10


def test_a_repository_outside_an_incomplete_commit_sample_still_counts():
    old = repo("old-work", stars=40)
    result = scores(
        github_data(
            repos=[repo("engine", stars=10), old],
            commits_by_repo={"ada/engine": 100},
            commits_total=5000,
        )
    )
    stars = next(i for i in result["impact"]["inputs"] if i["name"] == "stars")
    assert stars["value"] == 50


def test_a_missing_source_leaves_the_mean_instead_of_counting_zero():
    only_github = scores(github_data())
    assert {i["source"] for i in only_github["activity"]["inputs"]} == {"github"}


def test_expertise_maps_languages_topics_and_tags_onto_the_taxonomy():
    github = github_data(
        repos=[repo("engine", language="Python", topics=("django", "not-a-skill"))]
    )
    result = score_footprint(github, stack_data(tags=[("python", 30), ("amazon-web-services", 4)]))
    names = [skill["name"] for skill in result["skills"]]
    assert names[0] == "Python"
    assert {"Django", "AWS"} <= set(names)
    assert "not-a-skill" not in names
    python = result["skills"][0]
    assert (python["repos"], python["answers"]) == (1, 30)


def test_private_work_is_marked_not_visible_without_a_token():
    assert scores(github_data())["activity"]["not_visible"]
    assert scores(github_data(token=True))["activity"]["not_visible"] == []


def test_visibility_counts_what_is_present():
    bare = scores(github_data(repos=[], events=0))["visibility"]
    full = scores(
        github_data(
            repos=[repo(f"p{n}") for n in range(3)] + [repo("ada")],
            commits_by_repo={},
            commits_total=0,
            bio="Dev",
            blog="https://x",
        ),
        stack_data(),
    )["visibility"]
    assert bare["score"] < full["score"]
    assert full["score"] == 95  # everything but a Stack Overflow website


def test_scores_are_deterministic():
    assert scores(github_data(), stack_data()) == scores(github_data(), stack_data())


def test_overall_is_the_weighted_mean_of_the_five():
    result = scores(github_data(), stack_data())
    parts = {i["name"]: (i["value"], i["weight"]) for i in result["overall"]["inputs"]}
    expected = round(sum(v * w for v, w in parts.values()) / sum(w for _, w in parts.values()))
    assert result["overall"]["score"] == expected
