from django.urls import path

from interviews.views import bank, chat, library, live, practice

app_name = "interviews"

urlpatterns = [
    path("portal/practice/", practice.practice_home_view, name="practice"),
    path(
        "portal/practice/<uuid:session_id>/",
        practice.practice_session_view,
        name="practice_session",
    ),
    path(
        "portal/practice/<uuid:session_id>/answer/",
        practice.practice_answer_view,
        name="practice_answer",
    ),
    path(
        "portal/practice/<uuid:session_id>/complete/",
        practice.practice_complete_view,
        name="practice_complete",
    ),
    path(
        "portal/practice/<uuid:session_id>/delete/",
        practice.practice_delete_view,
        name="practice_delete",
    ),
    path("portal/live-interview/", live.live_home_view, name="live"),
    path(
        "portal/live-interview/<uuid:interview_id>/",
        live.live_interview_view,
        name="live_session",
    ),
    path(
        "portal/live-interview/<uuid:interview_id>/results/",
        live.live_results_view,
        name="live_results",
    ),
    path("portal/assistant/", chat.chat_view, name="chat"),
    path("portal/questions/", library.library_view, name="library"),
    path("portal/questions/save/", library.library_save_view, name="library_save"),
    path(
        "portal/questions/<int:saved_id>/delete/",
        library.library_delete_view,
        name="library_delete",
    ),
    path("recruiter/jobs/<int:job_id>/questions/", bank.job_questions_view, name="job_questions"),
    path("recruiter/questions/<int:question_id>/", bank.question_view, name="question"),
    path("recruiter/questions/<int:question_id>/try/", bank.try_rubric_view, name="try_rubric"),
    path(
        "recruiter/applications/<uuid:application_id>/screening/", bank.invite_view, name="invite"
    ),
    path(
        "recruiter/applications/<uuid:application_id>/live-interview/",
        live.live_invite_view,
        name="live_invite",
    ),
    path("expert/questions/", bank.review_queue_view, name="review_queue"),
]
