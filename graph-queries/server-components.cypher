// Server name, version and edition: RingScope needs Neo4j 5 or newer.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
