"""Every gesture that changes the file, as one named, undoable edit: a function
per gesture (``agenda.add_item``, ``register.mark``…) that runs one core
operation to do it and knows the one that undoes it, and puts the pair on the
session's undo stack (``command``). One module per area; pages call these and
nothing else to change the file."""
