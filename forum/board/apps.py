"""App config of our side of the django-machina forum (label `board`): the demo categories,
one topic per published title, the latest topics API and the Ukrainian catalogue of machina's
strings. machina owns the app label `forum`."""

from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "forum.board"
    label = "board"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Форум"

    def ready(self):
        from django.db.models.signals import post_save
        from machina.apps.forum_conversation.models import Post
        from wagtail.signals import page_published

        from cms.demo.signals import demo_loaded
        from cms.discovery.instant import register_section

        from . import demo, posts, topics
        from .latest import instant_topics
        from .serializers import InstantTopicSerializer

        demo_loaded.connect(demo.load_demo_forums, dispatch_uid="board.demo_forums")
        page_published.connect(topics.on_page_published, dispatch_uid="board.title_topics")
        register_section("topics", instant_topics, InstantTopicSerializer)
        post_save.connect(posts.on_post_saved, sender=Post, dispatch_uid="board.forum_post_points")
