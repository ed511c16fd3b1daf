-- PatchWarden foundation schema. Written for both PostgreSQL 15 (Debian) and PGlite (PostgreSQL 18):
-- identity columns, jsonb, text[], plpgsql triggers; no extensions.

-- Every import of an external file, keyed by its digest so re-importing the same bytes is a no-op.
CREATE TABLE imports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('sbom', 'advisories', 'kev', 'package-list', 'cloud', 'devices')),
  adapter text NOT NULL,
  adapter_version text NOT NULL,
  source text NOT NULL,
  sha256 text NOT NULL,
  -- What the bytes were imported into: the asset for an SBOM ('' for feeds). The same SBOM
  -- imported for two deployments is two imports.
  target text NOT NULL DEFAULT '',
  -- Digest of what the importer said beside the bytes (asset id, tags, PHI override): the same
  -- SBOM re-imported with a new tag is a new import, not a no-op.
  options_digest text NOT NULL DEFAULT '',
  imported_at timestamptz NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}',
  UNIQUE (kind, sha256, target, options_digest)
);

-- Pillar 1: one row per real thing, however many sources see it.
CREATE TABLE assets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_id text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('host', 'container-image', 'function', 'application', 'medical-device',
    'database', 'storage', 'network', 'identity', 'other')),
  provider text,
  account text,
  region text,
  tags jsonb NOT NULL DEFAULT '{}',
  phi boolean NOT NULL DEFAULT false,
  phi_source text NOT NULL DEFAULT 'none',
  environment text NOT NULL DEFAULT 'unknown' CHECK (environment IN ('prod', 'staging', 'test', 'dev', 'unknown')),
  internet_exposed boolean,
  clinical_criticality text CHECK (clinical_criticality IN ('none', 'low', 'medium', 'high', 'life-critical')),
  support_status text NOT NULL DEFAULT 'unknown' CHECK (support_status IN ('supported', 'end-of-support', 'unknown')),
  owner text,
  version text,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL
);
CREATE INDEX assets_phi_idx ON assets (phi);

-- Where and when each asset was seen: one row per (asset, source, reference).
CREATE TABLE asset_sightings (
  asset_id bigint NOT NULL REFERENCES assets (id),
  source text NOT NULL,
  source_ref text NOT NULL,
  import_id bigint REFERENCES imports (id),
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  PRIMARY KEY (asset_id, source, source_ref)
);

-- What runs on an asset. Indexed by (ecosystem, name) so a new advisory finds every affected
-- asset without rescanning the fleet.
CREATE TABLE components (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  asset_id bigint NOT NULL REFERENCES assets (id),
  purl text NOT NULL,
  ecosystem text,
  name text NOT NULL,
  version text,
  source_name text,
  source_version text,
  distro_release text,
  found_by text NOT NULL,
  ref text,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  removed_at timestamptz,
  UNIQUE (asset_id, purl)
);
-- Distro advisories name the source package: the lookup key is the source name when there is one.
CREATE INDEX components_package_idx ON components (ecosystem, (COALESCE(source_name, name)));

-- Pillar 2: advisories in the OSV shape; the normalised record is kept whole for traceability.
CREATE TABLE advisories (
  id text PRIMARY KEY,
  modified timestamptz,
  published timestamptz,
  withdrawn timestamptz,
  summary text,
  record jsonb NOT NULL,
  sha256 text NOT NULL,
  source text NOT NULL,
  import_id bigint REFERENCES imports (id),
  updated_at timestamptz NOT NULL
);

CREATE TABLE advisory_aliases (
  advisory_id text NOT NULL REFERENCES advisories (id),
  alias text NOT NULL,
  PRIMARY KEY (advisory_id, alias)
);
CREATE INDEX advisory_aliases_alias_idx ON advisory_aliases (alias);

-- The matching index: which (ecosystem, name) pairs an advisory names.
CREATE TABLE advisory_packages (
  advisory_id text NOT NULL REFERENCES advisories (id),
  ecosystem text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (advisory_id, ecosystem, name)
);
CREATE INDEX advisory_packages_package_idx ON advisory_packages (ecosystem, name);

-- CISA Known Exploited Vulnerabilities.
CREATE TABLE kev_entries (
  cve_id text PRIMARY KEY,
  vendor text,
  product text,
  name text,
  date_added text NOT NULL,
  due_date text,
  known_ransomware text,
  import_id bigint REFERENCES imports (id)
);

-- Asset x component x advisory, with the tier, deadline and the inputs that produced them.
CREATE TABLE findings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  asset_id bigint NOT NULL REFERENCES assets (id),
  component_id bigint NOT NULL REFERENCES components (id),
  advisory_id text NOT NULL REFERENCES advisories (id),
  state text NOT NULL CHECK (state IN ('open', 'fixed', 'not_affected', 'withdrawn', 'unknown')),
  fixed_version text,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  resolved_at timestamptz,
  tier text CHECK (tier IN ('emergency', 'high', 'standard')),
  clock_start timestamptz NOT NULL,
  deadline timestamptz,
  policy_id text NOT NULL,
  policy_version text NOT NULL,
  policy_rule text NOT NULL,
  inputs jsonb NOT NULL,
  UNIQUE (asset_id, component_id, advisory_id)
);
CREATE INDEX findings_state_deadline_idx ON findings (state, deadline);
CREATE INDEX findings_advisory_idx ON findings (advisory_id);

-- Pillar 5: the append-only, hash-chained audit log.
CREATE TABLE audit_events (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  data jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);

-- The database itself refuses changes to evidence, whatever code path tries.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % rejected', TG_OP USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
