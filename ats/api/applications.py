"""Placeholder until its helper writes it."""

from rest_framework.views import APIView


class ApplyView(APIView):
    pass


class JobApplicationsView(APIView):
    pass


class ApplicationStatusView(APIView):
    pass


class ApplicationListView(APIView):
    pass


class ApplicationDetailView(APIView):
    pass
