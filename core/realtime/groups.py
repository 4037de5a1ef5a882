"""Channel-layer group names: one group per object whose changes sockets follow."""


def group_name(kind: str, key) -> str:
    """`<kind>.<key>`, e.g. `analysis.3f2c…`: the sockets following that one object."""
    return f"{kind}.{key}"


def user_group(user_id) -> str:
    """Every open socket of one signed-in user."""
    return group_name("user", user_id)
