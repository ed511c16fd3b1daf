-- VEX statements (CycloneDX VEX, OpenVEX, CSAF VEX): suppliers' word on whether a component is
-- affected. Kept whole as evidence; `ids` (the vulnerability and its aliases) is what findings join on.
ALTER TABLE imports DROP CONSTRAINT imports_kind_check;
ALTER TABLE imports ADD CONSTRAINT imports_kind_check
  CHECK (kind IN ('sbom', 'advisories', 'kev', 'vex', 'package-list', 'cloud', 'devices'));

CREATE TABLE vex_statements (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id bigint NOT NULL REFERENCES imports (id),
  vulnerability text NOT NULL,
  ids text[] NOT NULL,
  status text NOT NULL CHECK (status IN ('not_affected', 'affected', 'fixed', 'under_investigation')),
  justification text,
  made_at timestamptz,
  statement jsonb NOT NULL
);
CREATE INDEX vex_statements_ids_idx ON vex_statements USING gin (ids);
