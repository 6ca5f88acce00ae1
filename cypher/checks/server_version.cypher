// The server's product name, versions and edition: the loader refuses servers older than 5.6.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
