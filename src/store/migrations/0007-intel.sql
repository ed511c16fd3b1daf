-- Vulnerability intelligence beside the advisories (issue 5): CVE records from NVD 2.0 and CVE 5
-- (CVSS metrics as stated, CWEs, CISA Vulnrichment SSVC and KEV flags) and FIRST EPSS scores.
-- Each row names the import it came from, so a deadline can be traced to the exact data.
ALTER TABLE imports DROP CONSTRAINT imports_kind_check;
ALTER TABLE imports ADD CONSTRAINT imports_kind_check
  CHECK (kind IN ('sbom', 'advisories', 'kev', 'vex', 'package-list', 'cloud', 'devices', 'mds2', 'device-sbom',
    'cve', 'epss'));

CREATE TABLE cve_intel (
  cve_id text NOT NULL,
  -- 'nvd-2.0' or 'cve-5': both are kept, triage prefers what each knows best.
  format text NOT NULL CHECK (format IN ('nvd-2.0', 'cve-5')),
  published timestamptz,
  modified timestamptz,
  status text,
  rejected boolean NOT NULL,
  cvss jsonb NOT NULL,
  cwes text[] NOT NULL,
  ssvc jsonb,
  kev jsonb,
  record_sha256 text NOT NULL,
  import_id bigint NOT NULL REFERENCES imports (id),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (cve_id, format)
);

CREATE TABLE epss_scores (
  cve_id text PRIMARY KEY,
  -- The numbers exactly as the file wrote them, and parsed.
  epss_text text NOT NULL,
  percentile_text text NOT NULL,
  epss double precision NOT NULL,
  percentile double precision NOT NULL,
  model_version text,
  score_date text,
  import_id bigint NOT NULL REFERENCES imports (id)
);
