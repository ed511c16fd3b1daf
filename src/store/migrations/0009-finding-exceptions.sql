-- Risk-accepted exceptions to a finding's deadline (issue 5: "SLA clocks pause while an approved
-- exception is active"). An exception is requested with a reason, compensating controls and an
-- expiry, and takes effect only once someone other than the requester approves it. Its rows
-- change state (approval, revocation); every change is an audit event.
CREATE TABLE finding_exceptions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  finding_id bigint NOT NULL REFERENCES findings (id),
  reason text NOT NULL CHECK (reason <> ''),
  compensating_controls text[] NOT NULL DEFAULT '{}',
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL,
  approved_by text,
  approved_at timestamptz,
  expires_at timestamptz NOT NULL,
  revoked_by text,
  revoked_at timestamptz,
  -- Separation of duties: nobody approves their own exception.
  CHECK (approved_by IS NULL OR approved_by <> requested_by),
  CHECK (expires_at > requested_at)
);
CREATE INDEX finding_exceptions_finding_idx ON finding_exceptions (finding_id);
