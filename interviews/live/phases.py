"""The five phases of a live interview, in the order they are asked."""

from interviews.models import LivePhase

PHASES = (
    LivePhase.GREETING,
    LivePhase.RESUME,
    LivePhase.FOLLOW_UP,
    LivePhase.SCENARIO,
    LivePhase.SCENARIO_FOLLOW_UP,
)
TOTAL_QUESTIONS = len(PHASES)

# How each phase's answer counts in the analysis (the scorer's question types).
QUESTION_TYPES = {
    LivePhase.GREETING: "behavioral",
    LivePhase.RESUME: "technical",
    LivePhase.FOLLOW_UP: "technical",
    LivePhase.SCENARIO: "problem_solving",
    LivePhase.SCENARIO_FOLLOW_UP: "problem_solving",
}

INSTRUCTIONS = [
    "This interview has five questions, asked one at a time: an introduction, your "
    "experience, a follow-up on it, a scenario and a follow-up on the scenario.",
    "Answer in your own words; each answer is scored against what a good answer covers, "
    "and the follow-ups ask about what your previous answer left out.",
    "There is no time limit, but about two minutes an answer is a good pace.",
    "If the connection drops, reopen the page: the interview resumes at the same question.",
    "You may end the interview early; the questions you answered are still analysed.",
]


def phase_after(phase: str | None) -> str | None:
    """The phase that follows `phase` (the first when None); None after the last."""
    if phase is None:
        return PHASES[0]
    index = PHASES.index(phase) + 1
    return PHASES[index] if index < len(PHASES) else None
