"""Placeholder until its helper writes it (removed before commit)."""
from rest_framework.views import APIView


class JobListCreateView(APIView):
    pass


class JobSearchView(APIView):
    pass


class SavedJobListView(APIView):
    pass


class JobDetailView(APIView):
    pass


class JobSaveView(APIView):
    pass
