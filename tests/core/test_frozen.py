"""Records made by @record behave as frozen dataclasses do."""

import dataclasses

import pytest

from secretariat.frozen import record


@record
class Visit:
    """A small record with a default and a field left out of comparisons."""

    who: str
    day: int = 1
    order: int = dataclasses.field(default=0, compare=False, repr=False)


def test_values_are_set_by_position_keyword_and_default():
    visit = Visit("Julian Le Grand", order=3)
    assert (visit.who, visit.day, visit.order) == ("Julian Le Grand", 1, 3)
    with pytest.raises(TypeError):
        Visit()


def test_a_record_cannot_be_changed_or_given_new_attributes():
    visit = Visit("Ed Mayo")
    for change in (lambda: setattr(visit, "who", "Rachel Wolf"),
                   lambda: setattr(visit, "venue", "22 Whitehall"),
                   lambda: delattr(visit, "day")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            change()
    assert visit.who == "Ed Mayo" and not hasattr(visit, "venue")


def test_equality_and_hash_follow_the_compared_fields():
    assert Visit("Ed Mayo", 2, order=1) == Visit("Ed Mayo", 2, order=9)
    assert Visit("Ed Mayo", 2) != Visit("Ed Mayo", 3)
    assert len({Visit("Ed Mayo", 2, order=1), Visit("Ed Mayo", 2, order=9)}) == 1
    assert Visit("Ed Mayo") != ("Ed Mayo", 1)


def test_repr_replace_and_fields_work_as_for_a_dataclass():
    visit = Visit("Nita Clarke", 4, order=2)
    assert repr(visit) == "Visit(who='Nita Clarke', day=4)"
    assert dataclasses.replace(visit, day=5) == Visit("Nita Clarke", 5)
    assert [f.name for f in dataclasses.fields(visit)] == ["who", "day", "order"]
    assert dataclasses.asdict(visit) == {"who": "Nita Clarke", "day": 4, "order": 2}


def test_an_undocumented_record_is_described_by_its_fields():
    @record
    class Bare:
        name: str
        seats: int = 0

    assert Bare.__doc__ == "Bare(name, seats)"
    assert Visit.__doc__.startswith("A small record")
