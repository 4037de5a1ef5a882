"""`{% video_schedule_form application_id next %}`: the schedule form inside the candidate-page
panel, whose data stays plain values (the candidate API returns it as JSON)."""

from django import template

from ats.selectors import application_get_managed
from interviews.video.forms import FORM_PREFIX, ScheduleForm
from interviews.video.selectors import interviewers_for
from interviews.video.views import schedule_initial

register = template.Library()


@register.inclusion_tag("interviews/video/_schedule_form.html", takes_context=True)
def video_schedule_form(context, application_id, next_url):
    user = context["request"].user
    application = application_get_managed(user=user, application_id=application_id)
    form = ScheduleForm(
        interviewers=interviewers_for(application=application),
        initial=schedule_initial(user),
        prefix=FORM_PREFIX,
    )
    return {
        "form": form,
        "action": context["panel"]["schedule_url"],
        "next": next_url,
        "csrf_token": context.get("csrf_token"),
    }
