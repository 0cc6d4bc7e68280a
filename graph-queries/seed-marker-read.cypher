// The demo dataset the database holds, if any.
OPTIONAL MATCH (marker:RingScopeSeed {name: 'demo'})
RETURN marker.seed AS seed, marker.accounts AS accounts, marker.fingerprint AS fingerprint
