// Frees a projection made by gds-project-shared-identifiers (no error when it is already gone).
CALL gds.graph.drop($graphName, false)
YIELD graphName
RETURN graphName
