-- Posture scans (issue 6): the checks' results for one cloud snapshot, kept per scan so drift
-- (new, changed, resolved) is visible between scans; and mutes, which hide a finding only with a
-- reason, an owner and an expiry — an expired mute simply stops applying. Results and scans are
-- written once; every mute is an audit event.
CREATE TABLE posture_scans (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  snapshot_id bigint NOT NULL REFERENCES cloud_snapshots (id),
  provider text NOT NULL CHECK (provider IN ('aws', 'azure')),
  scanned_at timestamptz NOT NULL,
  params jsonb NOT NULL,
  counts jsonb NOT NULL
);

CREATE TABLE posture_results (
  scan_id bigint NOT NULL REFERENCES posture_scans (id),
  -- check id | account | region | resource id: stable across scans (src/posture/check.ts).
  finding_id text NOT NULL,
  check_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('pass', 'fail', 'manual', 'error')),
  account text NOT NULL,
  region text NOT NULL,
  resource_id text NOT NULL,
  resource_type text NOT NULL,
  message text NOT NULL,
  evidence jsonb NOT NULL,
  PRIMARY KEY (scan_id, finding_id)
);
CREATE INDEX posture_results_finding_idx ON posture_results (finding_id);

CREATE TABLE posture_mutes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  finding_id text NOT NULL,
  reason text NOT NULL CHECK (reason <> ''),
  owner text NOT NULL CHECK (owner <> ''),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > created_at)
);
CREATE INDEX posture_mutes_finding_idx ON posture_mutes (finding_id);
