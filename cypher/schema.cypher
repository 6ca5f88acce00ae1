// arxiv-kg schema for Neo4j 5: run before loading (kg load does it; idempotent: IF NOT EXISTS).
// One statement per line group, each ending with ';' (kg.store.cypher_files.split_statements).

// Uniqueness constraints on every node key: MERGE on a natural key is only fast
// (and only safe against duplicates) with one of these behind it.
CREATE CONSTRAINT paper_arxiv_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.arxiv_id IS UNIQUE;
CREATE CONSTRAINT author_key IF NOT EXISTS FOR (n:Author) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT category_code IF NOT EXISTS FOR (n:Category) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT digest_id IF NOT EXISTS FOR (n:Digest) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT method_key IF NOT EXISTS FOR (n:Method) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (n:Dataset) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT repository_url IF NOT EXISTS FOR (n:Repository) REQUIRE n.url IS UNIQUE;

// Range indexes on what the query library filters or sorts by.
CREATE INDEX paper_first_seen IF NOT EXISTS FOR (n:Paper) ON (n.first_seen);
CREATE INDEX paper_primary_category IF NOT EXISTS FOR (n:Paper) ON (n.primary_category);
CREATE INDEX author_name IF NOT EXISTS FOR (n:Author) ON (n.name);
CREATE INDEX method_name IF NOT EXISTS FOR (n:Method) ON (n.name);
CREATE INDEX digest_date IF NOT EXISTS FOR (n:Digest) ON (n.date);

// Full-text (Lucene) indexes: papers by title and abstract, methods by any spelling.
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract];
CREATE FULLTEXT INDEX method_names IF NOT EXISTS FOR (n:Method) ON EACH [n.name, n.aliases];
