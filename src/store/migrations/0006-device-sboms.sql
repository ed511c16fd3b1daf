-- Device SBOMs: a manufacturer's SBOM describes a device MODEL at a firmware version, not one
-- device. It is stored once and its components are applied to every device asset of that model
-- (and firmware), now and when devices are imported later.
ALTER TABLE imports DROP CONSTRAINT imports_kind_check;
ALTER TABLE imports ADD CONSTRAINT imports_kind_check
  CHECK (kind IN ('sbom', 'advisories', 'kev', 'vex', 'package-list', 'cloud', 'devices', 'mds2', 'device-sbom'));

CREATE TABLE device_sboms (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id bigint NOT NULL UNIQUE REFERENCES imports (id),
  -- manufacturer/model, case and spacing ignored (the key MDS2 forms use too).
  model_key text NOT NULL,
  -- The firmware version the SBOM describes; NULL: every firmware of the model.
  firmware text,
  adapter text NOT NULL,
  components jsonb NOT NULL,
  rejected jsonb NOT NULL,
  imported_at timestamptz NOT NULL
);
CREATE INDEX device_sboms_model_idx ON device_sboms (model_key);
