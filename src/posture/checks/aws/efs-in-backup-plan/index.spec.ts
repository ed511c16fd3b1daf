import { describe, expect, it } from 'vitest';
import {
  ALL_OPTED_IN,
  byTag,
  fileSystem,
  gap,
  P,
  plan,
  rule,
  settings,
  snap,
} from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

const daily = [rule('cron(0 5 ? * * *)', 35)];
const policy = (status: string) => ({ supplementary: { backupPolicy: { status } } });

describe('efs-in-backup-plan', () => {
  it('passes automatic backups, or a plan selecting the file system', () => {
    const out = check.evaluate(
      snap([
        fileSystem('fs-auto', policy('ENABLED')),
        fileSystem('fs-tagged', { tags: { PHI: 'true' }, ...policy('DISABLED') }),
        plan('phi', daily, [byTag('PHI', 'true')]),
        settings(ALL_OPTED_IN),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['pass', 'EFS automatic backups are enabled.'],
      ['pass', 'The file system is backed up by phi.'],
    ]);
  });
  it('fails a file system without automatic backups that no plan selects', () => {
    const out = check.evaluate(snap([fileSystem('fs-1'), settings(ALL_OPTED_IN)]), P);
    expect(out).toMatchObject([{ status: 'fail', evidence: { backupPolicyStatus: null, backupPlans: [] } }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the backup policy or the plans could not be read', () => {
    const unreadPolicy = fileSystem('fs-1', { supplementary: {} });
    const out = check.evaluate(
      snap(
        [unreadPolicy, settings(ALL_OPTED_IN)],
        [gap('efs', 'DescribeBackupPolicy: AccessDeniedException')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error', evidence: { backupPolicyStatus: 'unread' } }]);
    expect(out[0]?.message).toContain('DescribeBackupPolicy: AccessDeniedException');
    const plansDenied = check.evaluate(
      snap([fileSystem('fs-1')], [gap('backup', 'ListBackupPlans: AccessDeniedException')]),
      P,
    );
    expect(plansDenied).toMatchObject([{ status: 'error' }]);
  });
});
