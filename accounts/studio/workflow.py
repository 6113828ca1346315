"""The approval of dub teams' video sources: one Wagtail workflow on `anime.VideoSource` with
one group-approval task for editors (and above). A trusted team's source, or an editor's, is
published at once; anyone else's is saved as a draft and submitted to the workflow."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from accounts.roles import can
from cms.anime.models import VideoSource

WORKFLOW_NAME = "Перевірка джерел"
TASK_NAME = "Схвалення редактором"
APPROVER_ROLES = ("editor", "moderator", "admin")


def ensure_source_workflow() -> Workflow:
    """Create the workflow, its task and its assignment to VideoSource, once (idempotent)."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(*Group.objects.filter(name__in=APPROVER_ROLES))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    content_type = ContentType.objects.get_for_model(VideoSource)
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
    return workflow


def save_new_source(source: VideoSource, user) -> VideoSource:
    """Save a source entered by `user`: published when `can(user, "publish_source")`, otherwise
    a draft submitted to the approval workflow (invisible to visitors until approved)."""
    publish = can(user, "publish_source", source)
    source.live = False
    source.has_unpublished_changes = True
    source.save()
    revision = source.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    else:
        workflow = source.get_workflow()
        if workflow is not None:
            workflow.start(source, user)
    return source
