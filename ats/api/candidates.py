"""Placeholder until its helper writes it."""

from rest_framework.views import APIView


class CandidateListView(APIView):
    pass


class CandidateMatchingView(APIView):
    pass


class CandidateDetailView(APIView):
    pass


class FeedbackView(APIView):
    pass
