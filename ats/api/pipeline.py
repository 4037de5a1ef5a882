"""Placeholder until its helper writes it."""

from rest_framework.views import APIView


class PipelineView(APIView):
    pass


class MoveStageView(APIView):
    pass


class BulkMoveView(APIView):
    pass


class BulkRejectView(APIView):
    pass
