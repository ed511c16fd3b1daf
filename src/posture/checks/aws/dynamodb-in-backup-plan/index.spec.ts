import { describe, expect, it } from 'vitest';
import {
  ALL_OPTED_IN,
  byTag,
  gap,
  P,
  plan,
  rule,
  settings,
  snap,
  table,
  tableArn,
} from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

const daily = [rule('cron(0 5 ? * * *)', 35)];

describe('dynamodb-in-backup-plan', () => {
  it('passes tables selected by ARN, by ARN wildcard or by tag', () => {
    const out = check.evaluate(
      snap([
        table('exact'),
        table('audit-2025'),
        table('tagged', { tags: { PHI: 'true' } }),
        plan('by-arn', daily, [{ resources: [tableArn('exact')] }]),
        plan('by-wildcard', daily, [{ resources: ['arn:aws:dynamodb:*:*:table/audit-*'] }]),
        plan('by-tag', daily, [byTag('PHI', 'true')]),
        settings(ALL_OPTED_IN),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.evidence.backupPlans])).toEqual([
      ['pass', ['by-arn']],
      ['pass', ['by-wildcard']],
      ['pass', ['by-tag']],
    ]);
  });
  it('fails a table no selection takes, one excluded by NotResources, and one whose type is not opted in', () => {
    const out = check.evaluate(
      snap([
        table('orphan'),
        table('excluded', { tags: { PHI: 'true' } }),
        plan('p', daily, [{ ...byTag('PHI', 'true'), notResources: [tableArn('excluded')] }]),
        settings({ ...ALL_OPTED_IN, DynamoDB: false }),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.evidence.reason])).toEqual([
      ['fail', 'no AWS Backup plan selects it'],
      ['fail', 'no AWS Backup plan selects it'],
    ]);
    const optedOut = check.evaluate(
      snap([
        table('t', { tags: { PHI: 'true' } }),
        plan('p', daily, [byTag('PHI', 'true')]),
        settings({ DynamoDB: false }),
      ]),
      P,
    );
    expect(optedOut).toMatchObject([
      {
        status: 'fail',
        evidence: { reason: 'selected by p, but DynamoDB is not opted in to AWS Backup in this region' },
      },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when AWS Backup, the selections or the tags could not be read', () => {
    const notCollected = check.evaluate(snap([table('t')]), P);
    expect(notCollected).toMatchObject([
      { status: 'error', evidence: { reason: 'AWS Backup was not collected in this region' } },
    ]);
    const denied = check.evaluate(
      snap([table('t')], [gap('backup', 'ListBackupPlans: AccessDeniedException')]),
      P,
    );
    expect(denied[0]?.message).toContain('ListBackupPlans: AccessDeniedException');
    const tagsDenied = check.evaluate(
      snap(
        [table('t'), plan('p', daily, [byTag('PHI', 'true')]), settings(ALL_OPTED_IN)],
        [gap('dynamodb', 'ListTagsOfResource: AccessDeniedException')],
      ),
      P,
    );
    expect(tagsDenied).toMatchObject([{ status: 'error', evidence: { phi: 'unknown' } }]);
    const selectionsDenied = check.evaluate(
      snap([table('t'), plan('p', daily, undefined), settings(ALL_OPTED_IN)]),
      P,
    );
    expect(selectionsDenied[0]?.message).toContain('the selections of plan p could not be read');
  });
});
