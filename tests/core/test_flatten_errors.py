from core.api.exceptions import flatten_errors


def test_nested_and_listed_errors_get_dotted_field_names():
    detail = {
        "email": ["Enter a valid email address."],
        "links": {"github": ["Enter a valid URL."]},
        "experience": [{}, {"start": ["Required."]}],
        "non_field_errors": ["Passwords differ."],
    }
    assert flatten_errors(detail) == {
        "email": ["Enter a valid email address."],
        "links.github": ["Enter a valid URL."],
        "experience.1.start": ["Required."],
        "non_field_errors": ["Passwords differ."],
    }


def test_a_bare_list_of_messages_is_a_non_field_error():
    assert flatten_errors(["Expected a dict."]) == {"non_field_errors": ["Expected a dict."]}
