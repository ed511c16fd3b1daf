-- MDS2 forms (ANSI/NEMA HN 1-2019): a manufacturer's security disclosure for a device MODEL.
-- Devices meet their form on `model_keys` (manufacturer/model, case and spacing ignored).
ALTER TABLE imports DROP CONSTRAINT imports_kind_check;
ALTER TABLE imports ADD CONSTRAINT imports_kind_check
  CHECK (kind IN ('sbom', 'advisories', 'kev', 'vex', 'package-list', 'cloud', 'devices', 'mds2'));

CREATE TABLE mds2_forms (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id bigint NOT NULL UNIQUE REFERENCES imports (id),
  manufacturer text NOT NULL,
  models text[] NOT NULL,
  model_keys text[] NOT NULL,
  answers jsonb NOT NULL,
  facts jsonb NOT NULL,
  imported_at timestamptz NOT NULL
);
CREATE INDEX mds2_forms_model_keys_idx ON mds2_forms USING gin (model_keys);
