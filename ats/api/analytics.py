"""Placeholder until its helper writes it."""

from rest_framework.views import APIView


class JobStatsView(APIView):
    pass


class AnalyticsView(APIView):
    pass
