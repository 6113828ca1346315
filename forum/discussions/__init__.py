"""Comments on titles, episodes and chapters, their votes, visitors' reports and the moderation
of both (the app label is `discussions`; django-machina owns `forum`).

- `models.py`: Comment (threaded, denormalised like/dislike counts and Wilson score),
  CommentRevision (edit history), CommentVote, Report;
- `markup.py`: Markdown with spoilers to sanitised HTML;
- `comments.py`: posting, editing, deleting, the rate limits, threads with cursor pages;
- `votes.py`: one vote per user per object, counts kept right under concurrency, reputation;
- `moderation.py`: every moderator action (hide, restore, delete, ban the author, uphold or
  reject a report), logged in Wagtail's audit log with who and why;
- `api.py` / `serializers.py` / `urls.py`: `/api/comments/`, `/api/reports/`, `/api/moderation/`.
"""
