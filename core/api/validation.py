def validated(serializer_class, data, **kwargs) -> dict:
    """Validate request data with a serializer; invalid input raises the 400 error body."""
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
