import { describe, expect, it } from 'vitest';
import { backupCoverage } from './backup-coverage.js';
import {
  ALL_OPTED_IN,
  byTag,
  gap,
  plan,
  rule,
  settings,
  snap,
  table,
  tableArn,
} from './fixtures.test-helpers.js';

const daily = [rule('cron(0 5 ? * * *)', 35)];
const where = { account: '111122223333', region: 'us-east-1' };
const subject = (tags: Record<string, string> = {}) => ({ arn: tableArn('t'), tags, tagsReadable: true });

describe('backupCoverage', () => {
  it('lists every plan that covers, and only plans of the same region', () => {
    const out = backupCoverage(
      snap([
        plan('b', daily, [byTag('PHI', 'true')]),
        plan('a', daily, [{ resources: [tableArn('t')] }]),
        plan('west', daily, [{ resources: ['*'] }], { region: 'eu-west-1' }),
        settings(ALL_OPTED_IN),
      ]),
      where,
      subject({ PHI: 'true' }),
      'DynamoDB',
    );
    expect(out).toEqual({ status: 'covered', plans: ['a', 'b'], reason: '' });
  });
  it('needs the opt-in for matches by `*` or tags, not for matches naming the resource type', () => {
    const s = (optIn: Record<string, boolean>, sel: Record<string, unknown>) =>
      snap([plan('p', daily, [sel]), settings(optIn), table('t')]);
    expect(
      backupCoverage(s({ DynamoDB: false }, { resources: ['*'] }), where, subject(), 'DynamoDB').status,
    ).toBe('not-covered');
    expect(
      backupCoverage(
        s({ DynamoDB: false }, { resources: ['arn:aws:dynamodb:*:*:table/*'] }),
        where,
        subject(),
        'DynamoDB',
      ).status,
    ).toBe('covered');
    // Aurora always needs it.
    expect(
      backupCoverage(s({ Aurora: false }, { resources: [tableArn('t')] }), where, subject(), 'Aurora', true)
        .status,
    ).toBe('not-covered');
  });
  it('is unknown when plans, selections, settings or the collection itself are missing', () => {
    expect(backupCoverage(snap([]), where, subject(), 'DynamoDB')).toMatchObject({
      status: 'unknown',
      reason: 'AWS Backup was not collected in this region',
    });
    expect(
      backupCoverage(
        snap([], [gap('backup', 'ListBackupPlans: AccessDeniedException')]),
        where,
        subject(),
        'DynamoDB',
      ).reason,
    ).toBe('AWS Backup plans could not be read (ListBackupPlans: AccessDeniedException)');
    expect(backupCoverage(snap([plan('p', daily, [undefined])]), where, subject(), 'DynamoDB').reason).toBe(
      'a selection of plan p could not be read',
    );
    expect(
      backupCoverage(snap([plan('p', daily, [{ resources: ['*'] }])]), where, subject(), 'DynamoDB').reason,
    ).toBe('the DynamoDB opt-in of AWS Backup could not be read');
  });
  it('is not covered when AWS Backup was read and has no plans', () => {
    expect(backupCoverage(snap([settings(ALL_OPTED_IN)]), where, subject(), 'DynamoDB')).toEqual({
      status: 'not-covered',
      plans: [],
      reason: 'no AWS Backup plan selects it',
    });
    // A denied settings read alone still lets "no plans at all" decide.
    expect(
      backupCoverage(
        snap([], [gap('backup', 'DescribeRegionSettings: AccessDeniedException')]),
        where,
        subject(),
        'DynamoDB',
      ).status,
    ).toBe('not-covered');
  });
});
