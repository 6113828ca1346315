"""One title's API relations (genres, studios, and the dubbings with their teams) in one
statement, for a single page's detail. `TitlePage.api_prefetch` gets the same through three
ORM prefetch queries, whose compiling costs more than the rest of a title's `find/` answer; a
listing keeps those (one set of queries for the whole page of titles)."""

import functools

from django.db import connections
from django.db.models import prefetch_related_objects


def loaded(model, db: str, values: dict):
    """`model` as loaded from `db` with `values` (attname -> value), its other fields
    deferred (read on access, as `only()` would leave them)."""
    names = [field.attname for field in model._meta.concrete_fields if field.attname in values]
    return model.from_db(db, names, [values[name] for name in names])


@functools.cache
def relations_sql(title_model) -> str:
    """Rows (relation, id, sort name, name, name_en, slug, team id, url_path, logo id, language),
    in each relation's order: genres and studios by name, dubbings by id. Parameters: the
    title's id, three times. Table and column names come from the models."""
    meta = title_model._meta
    labels = []
    for name in ("genres", "studios"):
        field = meta.get_field(name)
        label_table = field.related_model._meta.db_table
        link_table = field.remote_field.through._meta.db_table
        labels.append(f"""
            SELECT '{name}' AS relation, label.id AS id, label.name AS sort_name, label.name,
                label.name_en, label.slug, CAST(NULL AS INTEGER) AS team_id,
                CAST(NULL AS VARCHAR(255)) AS url_path, CAST(NULL AS INTEGER) AS logo_id,
                CAST(NULL AS VARCHAR(255)) AS language
            FROM {label_table} label
            INNER JOIN {link_table} link ON link.{field.m2m_reverse_name()} = label.id
            WHERE link.{field.m2m_column_name()} = %s""")
    dubbing_model = meta.get_field("dubbings").related_model
    team_field = dubbing_model._meta.get_field("dub_team")
    team_model = team_field.related_model
    team_page_table = team_model._meta.pk.target_field.model._meta.db_table
    logo_column = team_model._meta.get_field("logo").column
    dubbings = f"""
        SELECT 'dubbings', dubbing.id, NULL, team_page.title, NULL, team_page.slug,
            dubbing.{team_field.column}, team_page.url_path, team.{logo_column}, dubbing.language
        FROM {dubbing_model._meta.db_table} dubbing
        INNER JOIN {team_model._meta.db_table} team
            ON team.{team_model._meta.pk.column} = dubbing.{team_field.column}
        INNER JOIN {team_page_table} team_page ON team_page.id = team.{team_model._meta.pk.column}
        WHERE dubbing.{dubbing_model._meta.get_field("title").column} = %s"""
    return " UNION ALL ".join([*labels, dubbings]) + " ORDER BY relation, sort_name, id"


def prefetch_title_relations(page, title_model) -> None:
    """Fill `page`'s prefetch caches for `genres`, `studios` and `dubbings` (each dubbing with
    its `dub_team`, the team with its logo and the logo's renditions, as `with_team_refs`
    has them), as `prefetch_related` would."""
    db = page._state.db
    meta = title_model._meta
    dubbing_model = meta.get_field("dubbings").related_model
    team_field = dubbing_model._meta.get_field("dub_team")
    title_field = dubbing_model._meta.get_field("title")
    related = {"genres": [], "studios": [], "dubbings": []}
    teams = {}
    with connections[db].cursor() as cursor:
        cursor.execute(relations_sql(title_model), [page.pk] * 3)
        rows = cursor.fetchall()
    for relation, pk, _, name, name_en, slug, team_id, url_path, logo_id, language in rows:
        if relation != "dubbings":
            label = {"id": pk, "name": name, "name_en": name_en, "slug": slug}
            related[relation].append(loaded(meta.get_field(relation).related_model, db, label))
            continue
        team = teams.get(team_id)
        if team is None:
            team = teams[team_id] = loaded(
                team_field.related_model,
                db,
                {
                    "id": team_id,
                    "page_ptr_id": team_id,
                    "title": name,
                    "slug": slug,
                    "url_path": url_path,
                    "logo_id": logo_id,
                },
            )
        values = {"id": pk, title_field.attname: page.pk, team_field.attname: team_id}
        dubbing = loaded(dubbing_model, db, {**values, "language": language})
        team_field.set_cached_value(dubbing, team)
        title_field.set_cached_value(dubbing, page)
        related["dubbings"].append(dubbing)
    prefetch_related_objects([team for team in teams.values() if team.logo_id], "logo__renditions")
    cache = page.__dict__.setdefault("_prefetched_objects_cache", {})
    for relation, objects in related.items():
        # The manager's own queryset holds them, as prefetch_related leaves it: a further
        # filter on it still queries the title's related rows only.
        queryset = getattr(page, relation).get_queryset()
        queryset._result_cache = objects
        queryset._prefetch_done = True
        cache[relation] = queryset
