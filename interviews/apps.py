from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "interviews"
    verbose_name = "Interviews"

    def ready(self):
        from ats.hooks import register_candidate_panel, register_move_followup
        from interviews.dashboard import register_interview_panels
        from interviews.live_panel import live_interview_panel
        from interviews.screening_panel import screening_panel
        from interviews.video.panel import schedule_after_move, video_panel

        register_candidate_panel("screening", screening_panel)
        register_candidate_panel("live_interview", live_interview_panel)
        register_candidate_panel("video", video_panel)
        register_move_followup("video_meeting", schedule_after_move)
        register_interview_panels()
