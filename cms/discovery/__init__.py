"""Finding titles across the content apps: the `titles/` catalog listing (filters, facets,
ordering) on its read model `CatalogEntry`, title and team search, and the header's instant
search. Sits above anime, manga and dubbing and reads them all; they never import it."""
