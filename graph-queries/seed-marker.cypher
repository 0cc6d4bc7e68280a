// Records which demo dataset the database holds, so a test run can skip seeding it again.
MERGE (marker:RingScopeSeed {name: 'demo'})
SET marker.seed = $seed, marker.accounts = $accounts, marker.fingerprint = $fingerprint, marker.completedAt = datetime()
