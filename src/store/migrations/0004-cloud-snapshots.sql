-- Cloud configuration snapshots: what a collector (AWS SDK, Azure Resource Graph) or an AWS Config
-- snapshot file saw, kept per collection so inventory and posture read the same data and drift
-- between collections stays visible. Rows are written once and never updated.
CREATE TABLE cloud_snapshots (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id bigint NOT NULL UNIQUE REFERENCES imports (id),
  provider text NOT NULL CHECK (provider IN ('aws', 'azure')),
  collected_at timestamptz NOT NULL,
  accounts text[] NOT NULL,
  regions text[] NOT NULL,
  -- Parts of the estate that could not be read, and why (never passed over silently).
  gaps jsonb NOT NULL DEFAULT '[]',
  resource_count integer NOT NULL
);

CREATE TABLE cloud_resources (
  snapshot_id bigint NOT NULL REFERENCES cloud_snapshots (id),
  -- ARN or ARM id.
  resource_id text NOT NULL,
  -- AWS Config resource type or lower-cased ARM type.
  type text NOT NULL,
  account text NOT NULL,
  region text NOT NULL,
  name text NOT NULL,
  tags jsonb NOT NULL,
  configuration jsonb NOT NULL,
  supplementary jsonb NOT NULL,
  source text NOT NULL,
  -- AWS-managed IAM policies have one ARN in every account: the account is part of the key.
  PRIMARY KEY (snapshot_id, account, type, resource_id)
);
CREATE INDEX cloud_resources_type_idx ON cloud_resources (type);
