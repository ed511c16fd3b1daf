/**
 * Security facts derived from MDS2 answers (ANSI/NEMA HN 1-2019, "MDS2 2019"). Each fact reads
 * exactly one question, named by its id. Only ids checked against a published 2019 form are used:
 * the section codes and numbering below were verified against a manufacturer's completed HN 1-2019
 * form (MediCapture Inc., document MDS2-MVR, DOC-7 release date 2026-03-20; see readme.md).
 * Anything else on the form is kept in `answers` but interpreted by no code.
 */
import type { Mds2Answer } from './mds2.js';

/** A fact: the question it is read from, what a "Yes" means, and the HIPAA rule it informs. */
export interface Mds2FactSource {
  question: string;
  meaning: string;
  hipaa?: string;
}

/**
 * The derived facts and their sources. `meaning` paraphrases the question (the form's own wording
 * is in NEMA HN 1-2019 §5); section codes: MPII management of personally identifiable
 * information, STCF storage confidentiality, TXCF transmission confidentiality, MLDP malware
 * detection/protection, CSUP cyber security product upgrades, SBOM software bill of materials.
 */
export const MDS2_FACTS = {
  handlesPii: { question: 'MPII-1', meaning: 'can display, transmit, store or modify PII such as ePHI' },
  storesPiiPersistently: { question: 'MPII-2.2', meaning: 'stores PII persistently on internal media' },
  transmitsPii: { question: 'MPII-3', meaning: 'has mechanisms to transmit, import or export PII' },
  transmitsPiiExternally: {
    question: 'MPII-3.7',
    meaning: 'transmits or receives PII over an external network such as the Internet',
  },
  encryptsAtRest: {
    question: 'STCF-1',
    meaning: 'can encrypt data at rest',
    hipaa: '45 CFR 164.312(a)(2)(iv)',
  },
  encryptsInTransit: {
    question: 'TXCF-2',
    meaning: 'encrypts PII before sending it over a network or writing it to removable media',
    hipaa: '45 CFR 164.312(e)(1)',
  },
  antiMalware: {
    question: 'MLDP-2',
    meaning: 'supports anti-malware software or another anti-malware mechanism',
    hipaa: '45 CFR 164.308(a)(5)(ii)(B)',
  },
  malwareCompensatingControls: {
    question: 'MLDP-3',
    meaning: 'where anti-malware cannot be installed (MLDP-2 No), other compensating controls exist',
    hipaa: '45 CFR 164.308(a)(5)(ii)(B)',
  },
  // CSUP-2 covers the operating system, CSUP-3 drivers and firmware; x.2 asks whether patches
  // need the vendor or vendor-authorised service to install them.
  vendorInstallsOsPatches: {
    question: 'CSUP-2.2',
    meaning: 'OS patches are installed by vendor(-authorised) service',
  },
  vendorInstallsFirmwarePatches: {
    question: 'CSUP-3.2',
    meaning: 'driver and firmware patches are installed by vendor(-authorised) service',
  },
  automaticUpdates: { question: 'CSUP-8', meaning: 'installs software updates automatically' },
  sbomAvailable: { question: 'SBOM-1', meaning: 'an SBOM is available for the product' },
} as const satisfies Record<string, Mds2FactSource>;

/** Name of a derived fact. */
export type Mds2FactName = keyof typeof MDS2_FACTS;

/** Each fact: true (Yes), false (No), or null (N/A, "See note", free text or unanswered). */
export type Mds2Facts = Record<Mds2FactName, boolean | null>;

/** The Yes/No/N/A reading of an answer cell; null when it says neither (e.g. "See Note"). */
export function yesNo(answer: string): 'yes' | 'no' | 'n/a' | null {
  const a = answer.trim();
  // N/A first: "N/A: no default accounts" must not read as "No".
  if (/^(n\/?a|not applicable)\b/i.test(a)) return 'n/a';
  if (/^(yes\b|y$)/i.test(a)) return 'yes';
  if (/^(no\b|n$)/i.test(a)) return 'no';
  return null;
}

/** Derive every fact from a form's answers. */
export function deriveFacts(answers: Readonly<Record<string, Mds2Answer>>): Mds2Facts {
  const facts = {} as Mds2Facts;
  for (const [name, source] of Object.entries(MDS2_FACTS) as Array<[Mds2FactName, Mds2FactSource]>) {
    const reading = yesNo(answers[source.question]?.answer ?? '');
    facts[name] = reading === 'yes' ? true : reading === 'no' ? false : null;
  }
  return facts;
}
