// Wait until every index (constraints' included) is online before loading: MERGE would scan otherwise.
CALL db.awaitIndexes($timeout_seconds)
