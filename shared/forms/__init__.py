"""Questions residents answer: field types, their definitions, and checking answers.

The idea form's custom fields and the platform's registration fields are the
same kind of question; both define them with :class:`CustomField` and check
a resident's answers with :func:`check_answers`.
"""

from shared.forms.fields import (
    CHOICE_TYPES,
    ChoiceOption,
    CustomField,
    FieldDefinition,
    FieldId,
    FieldType,
    Question,
    check_answers,
    empty_answer,
)

__all__ = [
    "CHOICE_TYPES",
    "ChoiceOption",
    "CustomField",
    "FieldDefinition",
    "FieldId",
    "FieldType",
    "Question",
    "check_answers",
    "empty_answer",
]
