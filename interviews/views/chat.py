"""The chat assistant page. Its script talks over `/ws/chat/`; when the socket is not there
it posts here asking for JSON, and without scripts the form posts and the page answers."""

import json

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from accounts.models import Role
from accounts.permissions import role_required
from core.errors import error_body
from core.ratelimit import enforce_rate_limits
from core.views import renders_rate_limits
from interviews.forms import ChatForm
from interviews.services.chat import chat_reply, extended_history

candidate_required = role_required(Role.CANDIDATE)
SUGGESTIONS = (
    "Which skills do I have?",
    "What was my last job?",
    "How can I improve my resume?",
    "What is the status of my applications?",
)


@require_http_methods(["GET", "POST"])
@candidate_required
@renders_rate_limits
def chat_view(request):
    form = ChatForm(request.POST or None)
    conversation = []
    if request.method == "POST":
        enforce_rate_limits(request, group="chat", keys={"chat": str(request.user.pk)})
        if form.is_valid():
            question, history = form.cleaned_data["user_input"], form.cleaned_data["history"]
            reply = chat_reply(user=request.user, user_input=question, history=history)
            conversation = extended_history(history, question, reply)
            if _wants_json(request):
                return JsonResponse(
                    {
                        "response": reply.response,
                        "sentiment": reply.sentiment,
                        "metadata": reply.metadata(),
                    }
                )
            form = ChatForm(initial={"history": _as_json(conversation)})
        elif _wants_json(request):
            errors = {field: list(messages) for field, messages in form.errors.items()}
            return JsonResponse(
                error_body("The input is not valid.", "validation_error", errors), status=400
            )
    context = {"form": form, "conversation": conversation, "suggestions": SUGGESTIONS}
    return render(request, "interviews/chat.html", context)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _as_json(conversation: list[dict]) -> str:
    return json.dumps(conversation, ensure_ascii=False)
