-- A posture scan reads the fleet view: for every account and region the newest snapshot that
-- covers it (src/store/repositories/cloud-snapshots.ts fleetSnapshot). snapshot_id stays the
-- newest of them; snapshot_ids lists them all, so each verdict traces back to what it read.
ALTER TABLE posture_scans ADD COLUMN snapshot_ids bigint[] NOT NULL DEFAULT '{}';
