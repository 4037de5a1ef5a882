"""`POST /api/v1/chat`: the chat assistant, one turn at a time; the client keeps the history."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsCandidate
from core.api.validation import validated
from interviews.api.questions import PerUserRateLimit
from interviews.chat.sentiment import SENTIMENTS
from interviews.services.chat import (
    MAX_CONTENT,
    MAX_HISTORY,
    MAX_INPUT,
    MESSAGE_TYPES,
    chat_reply,
    extended_history,
)


class MessageSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=MESSAGE_TYPES, help_text="human (you), ai (the assistant) or system (notes)."
    )
    content = serializers.CharField(max_length=MAX_CONTENT, allow_blank=True, trim_whitespace=False)


class ChatRequestSerializer(serializers.Serializer):
    user_input = serializers.CharField(max_length=MAX_INPUT)
    messages = MessageSerializer(
        many=True,
        required=False,
        default=list,
        max_length=MAX_HISTORY,
        help_text="The conversation so far, oldest first, as returned by the last answer.",
    )


class ChatMetadataSerializer(serializers.Serializer):
    from_qa = serializers.BooleanField(
        help_text="True when the answer comes from an entry the assistant knows."
    )
    similarity = serializers.FloatField(help_text="How closely the best entry matched, 0 to 1.")
    matched_question = serializers.CharField(
        allow_null=True, help_text="The entry answered; null when the assistant did not know."
    )


class ChatResponseSerializer(serializers.Serializer):
    response = serializers.CharField()
    sentiment = serializers.ChoiceField(
        choices=SENTIMENTS,
        help_text="continue; end when you closed the conversation; frustrated when the "
        "answers did not help.",
    )
    messages = MessageSerializer(many=True)
    metadata = ChatMetadataSerializer()
    engine = serializers.CharField(help_text="local or gemini: which engine wrote the words.")


class ChatView(PerUserRateLimit, APIView):
    """Ask the assistant about your resume, analysis, saved jobs and applications, or about
    Hirewise. It answers only from those records and says so when it does not know."""

    permission_classes = [IsCandidate]
    rate_limit_group = "chat"

    @extend_schema(request=ChatRequestSerializer, responses=ChatResponseSerializer, tags=["chat"])
    def post(self, request):
        data = validated(ChatRequestSerializer, request.data)
        history = [dict(message) for message in data["messages"]]
        reply = chat_reply(user=request.user, user_input=data["user_input"], history=history)
        body = {
            "response": reply.response,
            "sentiment": reply.sentiment,
            "messages": extended_history(history, data["user_input"], reply),
            "metadata": reply.metadata(),
            "engine": reply.engine,
        }
        return Response(ChatResponseSerializer(body).data)
