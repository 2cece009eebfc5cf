"""Papers and their review: papers, the meetings they go to, members' self-nominations and reviews."""
