"""The chat assistant: answers about the user's own records, grounded in them.

- `knowledge`: question-and-answer entries built from the user's resume, latest analysis,
  saved jobs and applications (no names or contact details), plus `help` about the product;
- `matching`: the entry most similar to a question, and whether it is similar enough;
- `sentiment`: where the conversation stands, from the user's words (deterministic);
- `consumer`: the `/ws/chat/` socket. The turn itself is `interviews.services.chat`.
"""
