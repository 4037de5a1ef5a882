"""The live AI interview's engine: what each of the five phases asks and how the whole
interview is analysed. Plain functions over dicts; the service stores what they return."""
