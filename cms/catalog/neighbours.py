"""Previous and next sibling of a numbered child page (an episode, a chapter), computed in the
same query as the page itself: each neighbour is a correlated subquery returning a small JSON
object, so a listing of N pages costs no extra query per page."""

from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Concat, JSONObject, Length, Substr

NEIGHBOUR_FIELDS = ("id", "number", "title", "url_path")


def neighbour(model, *, after: bool, partition: tuple[str, ...] = ()) -> Subquery:
    """The live sibling of the outer row just before (or after) it by `number`, as
    {id, number, title, url_path}; siblings share the parent and every `partition` field."""
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - model.steplen)
    last_child_path = Concat(parent_path, Value(model.alphabet[-1] * model.steplen))
    siblings = model.objects.live().filter(
        depth=OuterRef("depth"),
        # The range lets the path index find the siblings (a LIKE whose prefix is computed
        # per row cannot: a scan of every page); `startswith` is what a sibling is.
        path__gt=parent_path,
        path__lte=last_child_path,
        path__startswith=parent_path,
        **{name: OuterRef(name) for name in partition},
    )
    if after:
        siblings = siblings.filter(number__gt=OuterRef("number")).order_by("number", "id")
    else:
        siblings = siblings.filter(number__lt=OuterRef("number")).order_by("-number", "-id")
    ref = JSONObject(**{name: F(name) for name in NEIGHBOUR_FIELDS})
    return Subquery(siblings.annotate(ref=ref).values("ref")[:1])


def with_neighbours(queryset, partition: tuple[str, ...] = ()):
    """`queryset` annotated with `previous_ref` and `next_ref` (JSON objects or None)."""
    model = queryset.model
    return queryset.annotate(
        previous_ref=neighbour(model, after=False, partition=partition),
        next_ref=neighbour(model, after=True, partition=partition),
    )


def neighbour_ref(page, attribute: str, partition: tuple[str, ...] = ()) -> dict | None:
    """The annotated neighbour of `page`, querying for it when the page was loaded without
    the annotation (a listing of mixed types, a preview)."""
    if not hasattr(page, attribute):
        model = type(page)
        annotated = with_neighbours(model.objects.filter(pk=page.pk), partition).first()
        return getattr(annotated, attribute) if annotated is not None else None
    return getattr(page, attribute)
