"""What is sent: invitations, requests to review, and minutes circulated."""
