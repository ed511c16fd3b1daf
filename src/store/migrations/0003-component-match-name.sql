-- The name a component is matched under: the source package for Debian/apk-family packages, the
-- binary name everywhere else (RPM distributions' advisories name binary rpms). Written by the
-- application from src/matching/match.ts `matchKey`; the backfill mirrors it for existing rows.
ALTER TABLE components ADD COLUMN match_name text;
UPDATE components SET match_name = CASE
  WHEN ecosystem IN ('Debian', 'Ubuntu', 'Echo', 'Alpine', 'Alpaquita', 'Wolfi', 'Chainguard', 'MinimOS',
    'BellSoft Hardened Containers') THEN COALESCE(source_name, name)
  ELSE name END;
ALTER TABLE components ALTER COLUMN match_name SET NOT NULL;
DROP INDEX components_package_idx;
CREATE INDEX components_package_idx ON components (ecosystem, match_name);
