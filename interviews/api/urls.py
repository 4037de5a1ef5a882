from django.urls import path

from interviews.api import chat, library, live, questions, sessions

app_name = "interviews-api"

urlpatterns = [
    path("questions", questions.QuestionListView.as_view(), name="questions"),
    path("questions/generate", questions.GenerateView.as_view(), name="generate"),
    path("questions/approve", questions.ReviewView.as_view(), name="approve"),
    path("questions/personal", library.PersonalQuestionsView.as_view(), name="personal"),
    path(
        "questions/regenerate-answer",
        library.RegenerateAnswerView.as_view(),
        name="regenerate-answer",
    ),
    path("questions/library", library.LibraryView.as_view(), name="library"),
    path(
        "questions/library/<int:saved_id>",
        library.LibraryEntryView.as_view(),
        name="library-entry",
    ),
    path("questions/<int:question_id>", questions.QuestionDetailView.as_view(), name="question"),
    path("questions/<int:question_id>/score", questions.TryRubricView.as_view(), name="score"),
    path("jobs/<int:job_id>/questions", questions.JobQuestionsView.as_view(), name="job-questions"),
    path("chat", chat.ChatView.as_view(), name="chat"),
    path("interview/start", sessions.StartView.as_view(), name="start"),
    path("interview/answer", sessions.AnswerView.as_view(), name="answer"),
    path("interview/sessions", sessions.SessionListView.as_view(), name="sessions"),
    path("interview/stats/overview", sessions.StatsView.as_view(), name="stats"),
    path("interview/invitations", sessions.InviteView.as_view(), name="invite"),
    path("interview/<uuid:session_id>", sessions.SessionDetailView.as_view(), name="session"),
    path(
        "interview/<uuid:session_id>/question",
        sessions.NextQuestionView.as_view(),
        name="next-question",
    ),
    path(
        "interview/<uuid:session_id>/complete",
        sessions.CompleteView.as_view(),
        name="complete",
    ),
    path("ai-interview/status/<uuid:session_id>", live.StatusView.as_view(), name="live-status"),
    path("ai-interview/results/<uuid:session_id>", live.ResultsView.as_view(), name="live-results"),
    path("ai-interview/session/<uuid:session_id>", live.SessionView.as_view(), name="live-session"),
    path("ai-interview/health", live.HealthView.as_view(), name="live-health"),
]
