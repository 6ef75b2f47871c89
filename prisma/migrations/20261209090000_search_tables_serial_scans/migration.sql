-- The pairs and group search read a handful of rows from these tables through their trigram indexes.
-- The planner's default estimate for an ILIKE (thousands of rows) made it plan parallel bitmap heap
-- scans there, whose start cost ~100 ms a search at 10M pairs against ~25 ms of index work. Exports
-- read them through cursors, which never run in parallel.
ALTER TABLE response_search_texts SET (parallel_workers = 0);
ALTER TABLE prompt_texts SET (parallel_workers = 0);
