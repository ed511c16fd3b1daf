/**
 * ACM certificates stay valid at least `certificateMinValidDays` (default 30): AWS Config
 * `ACM_CERTIFICATE_EXPIRATION_CHECK` (its daysToExpiration defaults to 14) and Prowler
 * `acm_certificates_expiration_check` (7 days, in-use certificates only). Like Config, every
 * certificate with an end date is judged, in use or not; `inUseBy` is in the evidence.
 *
 * Amazon-issued certificates eligible for managed renewal are renewed from 60 days before expiry
 * (ACM User Guide, "Managed certificate renewal"), so one inside the window means renewal is
 * failing (usually DNS validation) — it fails like an imported one. Certificates that never got an
 * end date (pending validation, failed, timed out) give no result; an issued certificate without
 * `notAfter` is an error.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { list, str } from '../../../read.js';
import { daysBetween, unreadable } from '../_shared/util.js';

// Statuses of certificates that were never issued: nothing expires.
const NEVER_ISSUED = new Set(['PENDING_VALIDATION', 'FAILED', 'VALIDATION_TIMED_OUT']);

export const check: PostureCheck = {
  id: 'acm-certificate-expiration',
  provider: 'aws',
  title: 'ACM certificates are not about to expire',
  severity: 'high',
  resourceType: 'AWS::ACM::Certificate',
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  risk: "An expired certificate breaks TLS to the service: clients fail, or are told to click through warnings, which trains users to accept an attacker's certificate on a channel carrying ePHI.",
  remediation: {
    text: 'Amazon-issued: ACM console → certificate → fix the domain validation (CNAME record) so managed renewal succeeds. Imported: obtain a renewed certificate from the CA and ACM console → Reimport certificate (keeps the ARN and its associations).',
    cli: 'aws acm import-certificate --certificate-arn CERT_ARN --certificate fileb://cert.pem --private-key fileb://key.pem --certificate-chain fileb://chain.pem',
    terraform:
      'resource "aws_acm_certificate" "ehr" {\n  domain_name       = "ehr.example.com"\n  validation_method = "DNS"\n  lifecycle { create_before_destroy = true }\n}',
  },
  params: ['certificateMinValidDays'],
  evaluate(snapshot, params) {
    const min = params.certificateMinValidDays;
    return resourcesOf(snapshot, 'AWS::ACM::Certificate').flatMap((c) => {
      const status = str(c.configuration.status);
      const notAfter = str(c.configuration.notAfter);
      if (notAfter === undefined) {
        if (status !== undefined && NEVER_ISSUED.has(status)) return [];
        return [unreadable(check, snapshot, c, 'acm', 'notAfter')];
      }
      const left = Math.floor(daysBetween(snapshot.collectedAt, notAfter));
      if (Number.isNaN(left)) return [unreadable(check, snapshot, c, 'acm', 'notAfter')];
      const evidence = {
        notAfter,
        daysLeft: left,
        certificateMinValidDays: min,
        type: c.configuration.type ?? null,
        renewalEligibility: c.configuration.renewalEligibility ?? null,
        inUseBy: c.configuration.inUseBy === undefined ? null : list(c.configuration.inUseBy),
      };
      if (left < 0) return [result(check, c, 'fail', `Expired ${-left} days ago`, evidence)];
      if (left < min) return [result(check, c, 'fail', `Expires in ${left} days (minimum ${min})`, evidence)];
      return [result(check, c, 'pass', `Valid for ${left} more days`, evidence)];
    });
  },
};
