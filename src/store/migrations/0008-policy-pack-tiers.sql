-- Policy packs name their own tiers (HIPAA NPRM: critical / high / other; BOD 26-04: 3-days …
-- fix-on-upgrade), so the tier is the pack's word, not one fixed list; the deadline stays
-- nullable for "fix on system upgrade" and for clocks waiting for a patch.
ALTER TABLE findings DROP CONSTRAINT findings_tier_check;
