-- Rows per table of the public schema, one "table|count" line each, sorted by name.
SELECT table_name || '|' || (xpath('/row/n/text()', query_to_xml(
         format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text
  FROM information_schema.tables
 WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
 ORDER BY table_name;
