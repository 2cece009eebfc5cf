"""A meeting and its parts: the meeting, its agenda and standing items, the register, the minutes and their approval, the actions agreed, suggested items."""
