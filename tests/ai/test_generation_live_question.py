"""The local wording of each live-interview phase: only the facts it was given."""

import pytest

from ai.generation.live_question import PHASES, write_live_question
from ai.llm import Engine, generate


class FakeRemote(Engine):
    name = "gemini"
    model = "fake"

    def __init__(self, question):
        self.question = question

    def run(self, task, facts):
        return {"question": self.question}


EXPERIENCE = {
    "title": "Data Engineer",
    "company": "Brightside Labs",
    "bullets": ["Developed data pipelines in Python processing 5M rows a day"],
}


@pytest.mark.parametrize("phase", PHASES)
def test_every_phase_is_worded_as_a_question(phase):
    facts = {
        "phase": phase,
        "job_title": "Backend Engineer",
        "experience": EXPERIENCE,
        "missing_points": ["the result or outcome of the work"],
        "scenario": "How would you speed up a slow API endpoint?",
        "skills": ["Python"],
    }
    question = write_live_question(facts)["question"]
    assert question.endswith("?")


def test_the_resume_question_quotes_the_experience_and_the_follow_up_names_the_gap():
    resume = write_live_question({"phase": "resume", "experience": EXPERIENCE})["question"]
    follow = write_live_question(
        {"phase": "follow_up", "missing_points": ["the part you played", "Built an API."]}
    )["question"]

    assert "Data Engineer at Brightside Labs" in resume and "5M rows" in resume
    assert "the part you played and “Built an API”" in follow


def test_without_experience_or_gaps_the_questions_stay_general():
    assert "proudest" in write_live_question({"phase": "resume"})["question"]
    assert "differently" in write_live_question({"phase": "follow_up"})["question"]


def test_a_remote_wording_naming_an_unknown_employer_falls_back_to_the_local_one():
    facts = {"phase": "resume", "job_title": "Backend Engineer", "experience": EXPERIENCE}
    invented = FakeRemote("Tell me about your years at Initech Corporation?")
    faithful = FakeRemote("Could you walk me through your pipeline work at Brightside Labs?")

    assert generate("live_interview_question", facts, engine=invented).engine == "local"
    assert generate("live_interview_question", facts, engine=faithful).engine == "gemini"
