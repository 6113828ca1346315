"""Our Elasticsearch 8 search backend (`"BACKEND": "cms.catalog.search_backends"`): Wagtail's,
with index settings and a mapping for a Ukrainian catalog.

Every full-text field, including the `_all_text*` catch-alls that queries run on, is analysed
with `ukrainian` (the official `analysis-ukrainian` plugin: morphology, so "атаку титанів"
matches "Атака титанів") and carries a `latin` sub-field analysed with `latin_folded`
(lowercase + ASCII folding, for English and romaji names: "Pokémon" = "pokemon"). Queries run on
both. Autocomplete keeps Wagtail's edge n-gram analyser, which also folds and lowercases.
The server needs the plugin: `bin/elasticsearch-plugin install analysis-ukrainian`.
"""

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field

UKRAINIAN_ANALYZER = "ukrainian"
LATIN_ANALYZER = "latin_folded"
LATIN_SUBFIELD = "latin"

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                LATIN_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                }
            }
        }
    }
}


class CatalogMapping(Elasticsearch8Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        add_analyzers(mapping["properties"])
        return mapping


def add_analyzers(properties: dict) -> None:
    """Ukrainian analysis plus a Latin sub-field on every full-text field (nested ones too);
    autocomplete fields keep their edge n-gram analyser."""
    for field in properties.values():
        if field.get("type") == "nested":
            add_analyzers(field["properties"])
        elif field.get("type") == "text" and "analyzer" not in field:
            field["analyzer"] = UKRAINIAN_ANALYZER
            field["fields"] = {LATIN_SUBFIELD: {"type": "text", "analyzer": LATIN_ANALYZER}}


class CatalogSearchQueryCompiler(Elasticsearch8SearchQueryCompiler):
    mapping_class = CatalogMapping

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        if fields:  # explicit fields: searched as named
            return remapped
        return remapped + [
            Field(f"{field.field_name}.{LATIN_SUBFIELD}", field.boost) for field in remapped
        ]


class CatalogAutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = CatalogMapping


class CatalogSearchBackend(Elasticsearch8SearchBackend):
    mapping_class = CatalogMapping
    query_compiler_class = CatalogSearchQueryCompiler
    autocomplete_query_compiler_class = CatalogAutocompleteQueryCompiler

    def __init__(self, params):
        params = dict(params)
        params.setdefault("INDEX_SETTINGS", INDEX_SETTINGS)
        super().__init__(params)


SearchBackend = CatalogSearchBackend
