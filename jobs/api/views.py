from collections.abc import Mapping

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import (
    SAFE_METHODS,
    AllowAny,
    BasePermission,
    IsAuthenticatedOrReadOnly,
)
from rest_framework.response import Response

from accounts.permissions import IsRecruiter
from core.api.pagination import PagePagination
from core.api.validation import validated
from jobs import selectors
from jobs.api.serializers import (
    JobSearchSerializer,
    JobSerializer,
    JobWriteSerializer,
    SavedJobSerializer,
)
from jobs.filters import JobFiltersSerializer, job_filters_parse
from jobs.models import VECTOR_FIELDS
from jobs.services.jobs import job_create, job_delete, job_update
from jobs.services.saved import job_save, job_unsave

# Never sent to a client; left unread so a page of jobs stays small.
TAGS = ["jobs"]


class ReadOrRecruiterWrites(BasePermission):
    """Anyone reads; recruiters and the roles above them create."""

    message = IsRecruiter.message

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or IsRecruiter().has_permission(request, view)


class JobPageMixin:
    """One page of jobs with is_saved from one query for the whole page."""

    def job_page(self, request, jobs) -> Response:
        page = self.paginate_queryset(jobs)
        saved_ids = selectors.saved_job_ids(user=request.user, job_ids=[job.pk for job in page])
        context = {"request": request, "saved_ids": saved_ids}
        return self.get_paginated_response(JobSerializer(page, many=True, context=context).data)


class JobListCreateView(JobPageMixin, GenericAPIView):
    serializer_class = JobSerializer
    permission_classes = [ReadOrRecruiterWrites]

    @extend_schema(parameters=[JobFiltersSerializer], responses=JobSerializer(many=True), tags=TAGS)
    def get(self, request):
        filters = job_filters_parse(request.query_params, user=request.user)
        return self.job_page(request, selectors.jobs_list(user=request.user, filters=filters))

    @extend_schema(request=JobWriteSerializer, responses={201: JobSerializer}, tags=TAGS)
    def post(self, request):
        data = validated(JobWriteSerializer, request.data)
        job = job_create(owner=request.user, data=data)
        body = JobSerializer(job, context={"request": request, "saved_ids": set()}).data
        return Response(body, status=status.HTTP_201_CREATED)


class BodyPagePagination(PagePagination):
    """`page` and `page_size` from the JSON body, else from the query string."""

    def raw_param(self, request, name: str):
        body = request.data if isinstance(request.data, Mapping) else {}
        query = request.query_params.get(name)
        if name in body and query is not None and str(body[name]) != query:
            raise ValidationError({name: ["Give it in the body or the query string, not both."]})
        return body.get(name, query)


class JobSearchView(JobPageMixin, GenericAPIView):
    serializer_class = JobSerializer
    pagination_class = BodyPagePagination
    permission_classes = [AllowAny]

    @extend_schema(request=JobSearchSerializer, responses=JobSerializer(many=True), tags=TAGS)
    def post(self, request):
        filters = job_filters_parse(request.data, user=request.user)
        return self.job_page(request, selectors.jobs_list(user=request.user, filters=filters))


class JobDetailView(GenericAPIView):
    serializer_class = JobSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(responses=JobSerializer, tags=TAGS)
    def get(self, request, pk):
        job = selectors.job_get_for_user(user=request.user, job_id=pk)
        return Response(JobSerializer(job, context={"request": request}).data)

    @extend_schema(request=JobWriteSerializer, responses=JobSerializer, tags=TAGS)
    def put(self, request, pk):
        return self._update(request, pk, partial=False)

    @extend_schema(request=JobWriteSerializer, responses=JobSerializer, tags=TAGS)
    def patch(self, request, pk):
        return self._update(request, pk, partial=True)

    @extend_schema(responses={204: None}, tags=TAGS)
    def delete(self, request, pk):
        job = selectors.job_get_for_change(user=request.user, job_id=pk)
        job_delete(job=job, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, pk, *, partial):
        job = selectors.job_get_for_change(user=request.user, job_id=pk)
        data = validated(JobWriteSerializer, request.data, instance=job, partial=partial)
        job = job_update(job=job, user=request.user, data=data)
        return Response(JobSerializer(job, context={"request": request}).data)


class JobSaveView(GenericAPIView):
    serializer_class = SavedJobSerializer

    @extend_schema(
        request=None,
        responses={
            201: OpenApiResponse(SavedJobSerializer, description="Saved now."),
            200: OpenApiResponse(SavedJobSerializer, description="Was saved already."),
        },
        tags=TAGS,
    )
    def post(self, request, pk):
        job = selectors.job_get_for_user(user=request.user, job_id=pk)
        saved, created = job_save(user=request.user, job=job)
        context = {"request": request, "saved_ids": {job.pk}}
        return Response(
            SavedJobSerializer(saved, context=context).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(responses={204: None}, tags=TAGS)
    def delete(self, request, pk):
        job = selectors.job_get_saved_or_visible(user=request.user, job_id=pk)
        job_unsave(user=request.user, job=job)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SavedJobListView(GenericAPIView):
    serializer_class = SavedJobSerializer

    @extend_schema(responses=SavedJobSerializer(many=True), tags=TAGS)
    def get(self, request):
        saved = selectors.saved_jobs_for(user=request.user)
        page = self.paginate_queryset(saved.defer(*(f"job__{name}" for name in VECTOR_FIELDS)))
        context = {"request": request, "saved_ids": {item.job_id for item in page}}
        return self.get_paginated_response(
            SavedJobSerializer(page, many=True, context=context).data
        )
