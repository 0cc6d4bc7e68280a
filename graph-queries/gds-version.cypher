// Whether the server has the Graph Data Science library (fails with "no procedure" when it does not).
RETURN gds.version() AS version
