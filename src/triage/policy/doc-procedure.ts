/**
 * The parts of the written policy that describe how PatchWarden's workflow runs — roles, OCR's
 * five patch steps, exceptions, evidence — worded from PRODUCT.md and the sources it cites:
 * OCR Cybersecurity Newsletter June 2018 ("Evaluation, Patch Testing, Approval, Deployment,
 * Verification and Testing"), 45 CFR 164.308 / 164.312 / 164.316, FD&C Act 524B.
 */
import { fieldsOf } from './condition.js';
import { type Block, code, h2, list, para, strong, type Text } from './doc-model.js';
import type { PolicyPack } from './pack.js';

/** Purpose and scope: ePHI systems and medical devices. */
export function purposeAndScope(org: string): Block[] {
  return [
    h2('1. Purpose'),
    para(
      `This policy sets out how ${org} identifies, evaluates, tests, approves, deploys and verifies security patches, `,
      'so that risks to the confidentiality, integrity and availability of electronic protected health information (ePHI) ',
      'are reduced to a reasonable and appropriate level (45 CFR 164.308(a)(1)(ii)(B) risk management; ',
      '164.308(a)(5)(ii)(B) protection from malicious software). Patch management is the identifying, acquiring, ',
      "installing and verifying of patches (OCR Cybersecurity Newsletter, June 2018); this policy follows OCR's steps.",
    ),
    h2('2. Scope'),
    list([
      'Every system that creates, receives, maintains or transmits ePHI, and the systems that protect them: cloud hosts, container images, functions, databases and storage (AWS, Azure), and on-premises servers and workstations.',
      'The software and firmware on them, including third-party and open-source components listed in software bills of materials (SBOMs).',
      'Medical devices, including their firmware and manufacturer-supplied software, whether patched by the organisation or serviced by the manufacturer (FD&C Act 524B obliges manufacturers to supply patches and an SBOM).',
      'Systems that hold no ePHI are in scope too: the clocks below say where the presence of ePHI changes the deadline.',
    ]),
  ];
}

/** Roles: requester, approver ≠ requester, clinical engineer, executor, auditor, policy owner. */
export function roles(): Block[] {
  const row = (role: string, duty: string, app: string): Text[] => [[strong(role)], [duty], [code(app)]];
  return [
    h2('3. Roles and responsibilities'),
    {
      kind: 'table',
      head: ['Role', 'Responsibility', 'PatchWarden role'],
      rows: [
        row(
          'Requester',
          'Opens the change record for a finding, performs the evaluation and records the test results.',
          'engineer',
        ),
        row(
          'Approver',
          'Approves or rejects the change under change control. The approver is never the requester of the same change. Signs in with multi-factor authentication.',
          'approver',
        ),
        row(
          'Clinical engineer',
          'For medical devices: confirms the patch is validated by the manufacturer, gives clinical sign-off before deployment, and plans downtime with the clinical service.',
          'clinical-engineer',
        ),
        row(
          'Executor',
          'Deploys the approved change in waves inside maintenance windows (AWS Systems Manager, Azure Update Manager, or manually for manufacturer-serviced devices) and records verification.',
          'engineer',
        ),
        row(
          'Auditor',
          'Has read-only access to every record, verifies the audit chain, and reviews SLA attainment and exceptions.',
          'auditor',
        ),
        row(
          'Policy owner',
          'The security or compliance officer who owns this policy pack, approves changes to it, and runs the periodic review.',
          'admin',
        ),
      ],
    },
  ];
}

/** OCR's five steps as the organisation's procedure. */
export function procedure(): Block[] {
  return [
    h2('6. Procedure'),
    para(
      'Every remediation walks the five steps OCR names for patch management, in order, in one change record:',
    ),
    list(
      [
        [
          strong('Evaluation. '),
          'Confirm the finding applies (component, version, supplier VEX statements); record its tier and deadline under section 4 with the inputs that produced them; obtain the patch from the vendor and check its checksum or signature.',
        ],
        [
          strong('Patch testing (isolated system). '),
          'Test the patch on an isolated system that mirrors production, with synthetic data only — never real PHI — and run the pre- and post-patch probes. For medical devices, test only patches the manufacturer has validated.',
        ],
        [
          strong('Approval. '),
          'The approver, who is not the requester, approves the change under change control; a medical device also needs the clinical engineer’s sign-off. Urgent tiers may be approved out of the regular change meeting, never by the requester.',
        ],
        [
          strong('Deployment. '),
          'Deploy in waves inside maintenance windows, pilot systems first; stop the rollout when a wave fails. Keep a rollback point (the previous machine image or VM snapshot) for at least 48 hours.',
        ],
        [
          strong('Verification and testing. '),
          'Rescan to confirm the vulnerability is gone, re-run the probes, and confirm logging and monitoring still work; if not, roll back and reopen the finding.',
        ],
      ],
      true,
    ),
  ];
}

/** Exceptions and compensating controls, naming the pack's rules that read controls. */
export function exceptions(pack: PolicyPack): Block[] {
  const reading = pack.rules.filter((r) => r.when && fieldsOf(r.when).some((f) => f.startsWith('controls.')));
  return [
    h2('7. Exceptions and compensating controls'),
    para(
      'Where a patch cannot be applied by its deadline — no patch exists, the product is no longer supported, the patch would adversely affect ePHI or patient safety, or the device manufacturer has not validated it — ',
      'the requester opens an exception. It names the compensating controls (for example network segmentation, restricting network access, disabling the affected service, virtual patching, increased monitoring), ',
      'the residual risk, an owner, an approver who is not the requester, and an expiry date.',
    ),
    para(
      'An approved exception pauses the finding’s clock while it is valid. When it expires or is revoked the finding reopens and the clock resumes; exceptions are renewed only through a new approval.',
    ),
    reading.length > 0
      ? para(
          'In this pack, compensating controls change the tier through the rules ',
          ...reading.flatMap((r, n) => [n > 0 ? ', ' : '', code(r.id)]),
          '.',
        )
      : para(
          'In this pack, compensating controls do not change a finding’s tier or clock; they are recorded with the exception.',
        ),
  ];
}

/** Evidence kept and the review cadence. */
export function evidenceAndReview(pack: PolicyPack): Block[] {
  return [
    h2('8. Evidence and records'),
    list([
      [
        'Every finding records the policy pack (',
        code(`${pack.id}@${pack.version}`),
        '), the rule that set its tier, the inputs it read, its clock start and its deadline.',
      ],
      'Every state change — triage, approval, deployment wave, verification, rollback, exception — is an event in an append-only, hash-chained, signed audit log that can be verified end to end offline (45 CFR 164.312(b) audit controls; 164.312(c)(1) integrity).',
      'Records and this document are retained for six years from their creation or last effective date, whichever is later (45 CFR 164.316(b)(2)(i)).',
      'Evidence never contains PHI; tests use synthetic data only.',
    ]),
    h2('9. Review'),
    para(
      `This policy and its pack are reviewed at least every ${pack.review.everyMonths} months, after a security incident, and when regulations or the environment change `,
      '(45 CFR 164.308(a)(8) evaluation). Any change is made in the pack, which gets a new version; this document is then generated again from it. Superseded versions are kept with the evidence.',
    ),
  ];
}
