"""Sinks that write the knowledge graph to Neo4j.

- :mod:`kg.store.schema`: the labels, keys, property types and relationship end points
  both sinks agree on, and the one rule that turns graph attributes into storable properties.
- :mod:`kg.store.neo4j`: the transactional loader (batched ``UNWIND ... MERGE``), the only
  module that talks to a Neo4j server.
- :mod:`kg.store.csv_bulk`: CSV files for ``neo4j-admin database import full``.
- :mod:`kg.store.cypher_files`: where the ``cypher/`` statement and query files are found.
"""
