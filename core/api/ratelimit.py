from core.ratelimit import RateLimited, enforce_rate_limits


class RateLimitedMixin:
    """For DRF views: `rate_limit_group` plus `rate_limit_keys(request)` → `{bucket: value}`.

    Every response of the view, the 429 included, carries the X-RateLimit-* headers.
    """

    rate_limit_group: str = ""
    rate_limit_state = None

    def rate_limit_keys(self, request) -> dict[str, str]:
        raise NotImplementedError

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        try:
            self.rate_limit_state = enforce_rate_limits(
                request, group=self.rate_limit_group, keys=self.rate_limit_keys(request)
            )
        except RateLimited as exc:
            self.rate_limit_state = exc.state
            raise

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.rate_limit_state is not None:
            for header, value in self.rate_limit_state.headers().items():
                response[header] = value
        return response
